import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Checkbox, DateField, Radios, SelectField, TextArea, TextField, textOf } from '../../components/form';
import { answered, api } from '../../lib/api';
import { Checks } from '../../lib/checks';
import type { CaseView } from './case-queries';
import { swedishClock, swedishDay, swedishInstant } from '../../lib/format';
import {
  CANCELLED_BY_LABELS,
  EARLY_END_LABELS,
  MEETING_PARTY_LABELS,
  OUTCOME_LABELS,
  STOP_REASON_LABELS,
  type ClientEventBody,
  type EventType,
} from '../../lib/labels';

type LogVisit = Extract<ClientEventBody, { type: 'LOG_VISIT' }>;
type EndEarly = Extract<ClientEventBody, { type: 'END_EARLY' }>;
type BookMeeting = Extract<ClientEventBody, { type: 'BOOK_MEETING' }>;

const MEETING_PARTIES = ['residentParent', 'visitingParent'] as const;

/** A day and a time of day, Swedish time, for an instant the event records (named `name` and `name.time`). */
function InstantFields({ name, label, hint }: { name: string; label: string; hint?: string }) {
  return (
    <fieldset className="group group--inline">
      <legend>{label}</legend>
      <DateField name={name} label="Datum" defaultValue={swedishDay()} hint={hint} />
      <TextField
        name={`${name}.time`}
        label="Klockslag"
        hint="Till exempel 13.00."
        defaultValue={swedishClock()}
        inputMode="numeric"
      />
    </fieldset>
  );
}

function instantFrom(data: FormData, checks: Checks, name: string, label: string): string {
  const at = checks.instant(name, textOf(data, name), `${name}.time`, textOf(data, `${name}.time`), label);
  return at ? swedishInstant(at.day, at.time) : '';
}

export function requiredText(data: FormData, checks: Checks, name: string, message: string, max: number): string {
  const value = textOf(data, name);
  if (checks.required(name, value, message) && value.length > max)
    checks.fail(name, `Texten får vara högst ${max} tecken.`);
  return value ?? '';
}

function optionalText(data: FormData, checks: Checks, name: string, max: number): string | undefined {
  const value = textOf(data, name);
  if (value && value.length > max) checks.fail(name, `Texten får vara högst ${max} tecken.`);
  return value;
}

/** Who took part in a meeting: one name a line. */
function participantsFrom(data: FormData, checks: Checks): string[] | undefined {
  const names = (textOf(data, 'participants') ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (names.length > 20) checks.fail('participants', 'Ange högst 20 deltagare.');
  if (names.some((name) => name.length > 120)) checks.fail('participants', 'Ett namn får vara högst 120 tecken.');
  return names.length > 0 ? names : undefined;
}

function SupporterChoice() {
  const supporters = useQuery({
    queryKey: ['supporters', 'appointable'],
    queryFn: async () =>
      answered(
        await api.GET('/supporters', { params: { query: { status: 'approved', hasFreeCapacity: true, limit: 100 } } }),
      ),
  });
  const appointable = (supporters.data?.items ?? []).filter((s) => s.appointable);
  if (supporters.isPending) return <p role="status">Hämtar umgängesstödjare …</p>;
  if (appointable.length === 0) {
    return (
      <p className="field-error">
        Det finns ingen godkänd umgängesstödjare med ledigt uppdrag. Registrera eller godkänn en under Umgängesstödjare.
      </p>
    );
  }
  return (
    <SelectField
      name="supporterId"
      label="Umgängesstödjare"
      hint="Godkända umgängesstödjare med ledigt uppdrag."
      options={[
        ['', 'Välj umgängesstödjare'],
        ...appointable.map((s): [string, string] => [
          s.id,
          `${s.name}${s.languages.length ? ` (${s.languages.join(', ')})` : ''}`,
        ]),
      ]}
    />
  );
}

function VisitOutcomeFields() {
  const [outcome, setOutcome] = useState('completed');
  return (
    <>
      <Radios
        name="outcome"
        legend="Hur gick umgängestillfället?"
        options={Object.entries(OUTCOME_LABELS)}
        defaultValue="completed"
        onChange={setOutcome}
      />
      {outcome === 'stopped' && (
        <Radios name="stopReason" legend="Varför avbröts det?" options={Object.entries(STOP_REASON_LABELS)} />
      )}
      {(outcome === 'cancelled' || outcome === 'noShow') && (
        <>
          <Radios
            name="cancelledBy"
            legend={outcome === 'cancelled' ? 'Vem ställde in?' : 'Vem kom inte?'}
            options={Object.entries(CANCELLED_BY_LABELS)}
          />
          <TextArea
            name="absenceReason"
            label="Varför? (frivilligt)"
            hint="Till exempel att barnet var sjukt."
            rows={2}
          />
        </>
      )}
    </>
  );
}

const SUMMONS_LABELS = {
  meetingAt: 'Datum',
  'meetingAt.time': 'Klockslag',
  place: 'Plats',
  'residentParent.meetingAt': 'Boendeförälderns möte',
  'residentParent.meetingAt.time': 'Klockslag för boendeförälderns möte',
  'visitingParent.meetingAt': 'Umgängesförälderns möte',
  'visitingParent.meetingAt.time': 'Klockslag för umgängesförälderns möte',
  sentOn: 'Kallelsen skickades',
};

/** When and where a meeting is held, a meeting per parent where one of them is protected, and when the summons went. */
function MeetingSummonsFields({ view, what }: { view?: CaseView; what: string }) {
  return (
    <>
      {view?.separateMeetings ? (
        <>
          <p className="notice">
            En förälder har skyddade personuppgifter eller en markerad risk: föräldrarna kallas till var sitt möte, och
            ingen kallelse till den andra föräldern nämner tid eller plats för den skyddade förälderns möte.
          </p>
          <InstantFields name="residentParent.meetingAt" label="När boendeförälderns möte hålls" />
          <InstantFields name="visitingParent.meetingAt" label="När umgängesförälderns möte hålls" />
        </>
      ) : (
        <InstantFields name="meetingAt" label={`När ${what} hålls`} />
      )}
      <TextField name="place" label="Plats (frivilligt)" hint="Till exempel Familjerätten, Stationsgatan 8." />
      <DateField name="sentOn" label="Dagen kallelsen skickades" defaultValue={swedishDay()} />
    </>
  );
}

function meetingSummons(data: FormData, checks: Checks, view?: CaseView) {
  const place = optionalText(data, checks, 'place', 200);
  const sentOn = dayFrom(data, checks, 'sentOn', 'dagen kallelsen skickades');
  const common = { ...(place ? { place } : {}), sentOn };
  if (!view?.separateMeetings) return { ...common, meetingAt: instantFrom(data, checks, 'meetingAt', 'mötets datum') };
  return {
    ...common,
    individualMeetings: MEETING_PARTIES.map((party) => ({
      party,
      meetingAt: instantFrom(data, checks, `${party}.meetingAt`, 'mötets datum'),
      ...(place ? { place } : {}),
    })),
  };
}

function dayFrom(data: FormData, checks: Checks, name: string, label: string): string {
  const day = textOf(data, name);
  checks.date(name, day, { required: true, label });
  return day ?? '';
}

interface EventForm {
  /** What the form asks, in the order the error summary lists it. */
  labels: Record<string, string>;
  /** The case, where what the form asks depends on it (separate meetings). */
  fields: (view?: CaseView) => ReactNode;
  /** The event the form describes, or field messages (checks). */
  body: (data: FormData, checks: Checks, view?: CaseView) => ClientEventBody;
}

const MEETING_FIELDS = (at: string) => ({
  [at]: 'Datum',
  [`${at}.time`]: 'Klockslag',
  notes: 'Anteckningar',
  participants: 'Deltagare',
});

/** One form per event a secretary sends; the API's DTOs (case-event.dtos.ts) set what each one takes. */
export const EVENT_FORMS: Record<EventType, EventForm> = {
  INITIATE: {
    labels: { diaryNumber: 'Diarienummer' },
    fields: () => (
      <TextField
        name="diaryNumber"
        label="Diarienummer (frivilligt)"
        hint="Ärendets nummer i verksamhetssystemet, till exempel SN 2026/123."
      />
    ),
    body: (data, checks) => {
      const diaryNumber = optionalText(data, checks, 'diaryNumber', 40);
      return { type: 'INITIATE', ...(diaryNumber ? { diaryNumber } : {}) };
    },
  },
  RECORD_DIARY_NUMBER: {
    labels: { diaryNumber: 'Diarienummer' },
    fields: () => (
      <TextField
        name="diaryNumber"
        label="Diarienummer"
        hint="Ärendets nummer i verksamhetssystemet, till exempel SN 2026/123. Det behövs i brevet till tingsrätten."
      />
    ),
    body: (data, checks) => ({
      type: 'RECORD_DIARY_NUMBER',
      diaryNumber: requiredText(data, checks, 'diaryNumber', 'Ange diarienumret.', 40),
    }),
  },
  APPOINT_SUPPORTER: {
    labels: { supporterId: 'Umgängesstödjare', decidedAt: 'Beslutsdatum', 'decidedAt.time': 'Klockslag' },
    fields: () => (
      <>
        <SupporterChoice />
        <InstantFields name="decidedAt" label="När beslutet fattades" />
      </>
    ),
    body: (data, checks) => ({
      type: 'APPOINT_SUPPORTER',
      supporterId: requiredText(data, checks, 'supporterId', 'Välj en umgängesstödjare.', 36),
      decidedAt: instantFrom(data, checks, 'decidedAt', 'beslutsdatum'),
    }),
  },
  REPLACE_SUPPORTER: {
    labels: {
      supporterId: 'Umgängesstödjare',
      decidedAt: 'Beslutsdatum',
      'decidedAt.time': 'Klockslag',
      reason: 'Skäl',
    },
    fields: () => (
      <>
        <SupporterChoice />
        <InstantFields name="decidedAt" label="När det nya beslutet fattades" />
        <TextArea name="reason" label="Varför byts umgängesstödjaren?" rows={3} />
      </>
    ),
    body: (data, checks) => ({
      type: 'REPLACE_SUPPORTER',
      supporterId: requiredText(data, checks, 'supporterId', 'Välj en umgängesstödjare.', 36),
      decidedAt: instantFrom(data, checks, 'decidedAt', 'beslutsdatum'),
      reason: requiredText(data, checks, 'reason', 'Ange varför umgängesstödjaren byts.', 1000),
    }),
  },
  SEND_SUMMONS: {
    labels: SUMMONS_LABELS,
    fields: (view) => <MeetingSummonsFields view={view} what="uppstartsmötet" />,
    body: (data, checks, view) => ({ type: 'SEND_SUMMONS', ...meetingSummons(data, checks, view) }),
  },
  BOOK_MEETING: {
    labels: { kind: 'Vilket möte', ...SUMMONS_LABELS },
    fields: (view) => (
      <>
        <Radios
          name="kind"
          legend="Vilket möte bokar du?"
          options={[
            ['midpointFollowUp', 'Uppföljning vid halvtid'],
            ['closing', 'Avslutningsmöte'],
          ]}
        />
        <MeetingSummonsFields view={view} what="mötet" />
      </>
    ),
    body: (data, checks, view) => {
      const kind = textOf(data, 'kind') as BookMeeting['kind'] | undefined;
      if (!kind) checks.fail('kind', 'Välj vilket möte du bokar.');
      return { type: 'BOOK_MEETING', kind: kind ?? 'midpointFollowUp', ...meetingSummons(data, checks, view) };
    },
  },
  HOLD_STARTUP_MEETING: {
    labels: {
      party: 'Vems möte',
      heldAt: 'Datum',
      'heldAt.time': 'Klockslag',
      enrollmentFormSigned: 'Inskrivningsblankett',
      rulesAccepted: 'Regler',
    },
    fields: (view) => (
      <>
        {view?.separateMeetings && (
          <Radios
            name="party"
            legend="Vems möte registrerar du?"
            hint="Föräldrarna träffas var för sig. Registrera båda mötena innan umgänget startar."
            options={Object.entries(MEETING_PARTY_LABELS)}
          />
        )}
        <InstantFields name="heldAt" label="När mötet hölls" />
        <Checkbox name="enrollmentFormSigned" label="Inskrivningsblanketten är ifylld och undertecknad" />
        <Checkbox name="rulesAccepted" label="Föräldrarna har tagit del av reglerna" />
      </>
    ),
    body: (data, checks, view) => {
      const party = textOf(data, 'party') as (typeof MEETING_PARTIES)[number] | undefined;
      if (view?.separateMeetings && !party) checks.fail('party', 'Välj vems möte du registrerar.');
      return {
        type: 'HOLD_STARTUP_MEETING',
        ...(view?.separateMeetings && party ? { party } : {}),
        heldAt: instantFrom(data, checks, 'heldAt', 'mötets datum'),
        enrollmentFormSigned: data.get('enrollmentFormSigned') === 'true',
        rulesAccepted: data.get('rulesAccepted') === 'true',
      };
    },
  },
  START_VISITS: {
    labels: { documentCopiesSentAt: 'Datum', 'documentCopiesSentAt.time': 'Klockslag' },
    fields: () => (
      <InstantFields
        name="documentCopiesSentAt"
        label="När kopior av inskrivningsblanketten och reglerna skickades till föräldrarna och umgängesstödjaren"
      />
    ),
    body: (data, checks) => ({
      type: 'START_VISITS',
      documentCopiesSentAt: instantFrom(data, checks, 'documentCopiesSentAt', 'datum'),
    }),
  },
  LOG_VISIT: {
    labels: {
      occurredAt: 'Datum',
      'occurredAt.time': 'Klockslag',
      durationMinutes: 'Längd',
      outcome: 'Utfall',
      stopReason: 'Skäl',
      cancelledBy: 'Vem ställde in eller kom inte',
      absenceReason: 'Varför',
      notes: 'Anteckningar',
    },
    fields: () => (
      <>
        <InstantFields name="occurredAt" label="När umgängestillfället var" />
        <TextField name="durationMinutes" label="Längd i minuter" inputMode="numeric" defaultValue="120" />
        <VisitOutcomeFields />
        <TextArea name="notes" label="Anteckningar (frivilligt)" rows={3} />
      </>
    ),
    body: (data, checks) => {
      const minutes = textOf(data, 'durationMinutes') ?? '';
      const durationMinutes = /^\d{1,4}$/.test(minutes) ? Number(minutes) : NaN;
      if (!(durationMinutes >= 0 && durationMinutes <= 1440))
        checks.fail('durationMinutes', 'Ange längden i hela minuter, högst 1440.');
      const outcome = textOf(data, 'outcome') as LogVisit['outcome'];
      const stopReason = textOf(data, 'stopReason') as LogVisit['stopReason'];
      const cancelledBy = textOf(data, 'cancelledBy') as LogVisit['cancelledBy'];
      if (!outcome) checks.fail('outcome', 'Ange hur umgängestillfället gick.');
      if (outcome === 'stopped' && !stopReason) checks.fail('stopReason', 'Ange varför umgängestillfället avbröts.');
      const notHeld = outcome === 'cancelled' || outcome === 'noShow';
      if (notHeld && !cancelledBy)
        checks.fail('cancelledBy', outcome === 'cancelled' ? 'Ange vem som ställde in.' : 'Ange vem som inte kom.');
      const absenceReason = notHeld ? optionalText(data, checks, 'absenceReason', 500) : undefined;
      const notes = optionalText(data, checks, 'notes', 4000);
      return {
        type: 'LOG_VISIT',
        occurredAt: instantFrom(data, checks, 'occurredAt', 'datum'),
        durationMinutes,
        outcome,
        ...(outcome === 'stopped' && stopReason ? { stopReason } : {}),
        ...(notHeld && cancelledBy ? { cancelledBy } : {}),
        ...(absenceReason ? { absenceReason } : {}),
        ...(notes ? { notes } : {}),
      };
    },
  },
  HOLD_FOLLOW_UP: {
    labels: MEETING_FIELDS('heldAt'),
    fields: () => (
      <>
        <InstantFields name="heldAt" label="När uppföljningsmötet hölls" />
        <TextArea name="participants" label="Deltagare (frivilligt)" hint="Ett namn per rad." rows={3} />
        <TextArea name="notes" label="Anteckningar (frivilligt)" rows={4} />
      </>
    ),
    body: (data, checks) => {
      const notes = optionalText(data, checks, 'notes', 4000);
      const participants = participantsFrom(data, checks);
      return {
        type: 'HOLD_FOLLOW_UP',
        heldAt: instantFrom(data, checks, 'heldAt', 'mötets datum'),
        ...(notes ? { notes } : {}),
        ...(participants ? { participants } : {}),
      };
    },
  },
  END_EARLY: {
    labels: { reasonCategory: 'Skäl', endedOn: 'Datum', reason: 'Beskrivning' },
    fields: () => (
      <>
        <Radios
          name="reasonCategory"
          legend="Varför avslutas insatsen i förtid?"
          options={Object.entries(EARLY_END_LABELS)}
        />
        <DateField name="endedOn" label="Dagen insatsen upphörde" defaultValue={swedishDay()} />
        <TextArea
          name="reason"
          label="Beskriv skälet"
          hint="Det som står här kommer med i utvärderingen till tingsrätten."
          rows={3}
        />
      </>
    ),
    body: (data, checks) => {
      const reasonCategory = textOf(data, 'reasonCategory') as EndEarly['reasonCategory'] | undefined;
      if (!reasonCategory) checks.fail('reasonCategory', 'Välj varför insatsen avslutas.');
      return {
        type: 'END_EARLY',
        reasonCategory: reasonCategory ?? 'other',
        endedOn: dayFrom(data, checks, 'endedOn', 'dagen insatsen upphörde'),
        reason: requiredText(data, checks, 'reason', 'Beskriv varför insatsen avslutas.', 1000),
      };
    },
  },
  HOLD_CLOSING_MEETING: {
    labels: MEETING_FIELDS('heldAt'),
    fields: () => (
      <>
        <InstantFields name="heldAt" label="När avslutningsmötet hölls" />
        <TextArea name="participants" label="Deltagare (frivilligt)" hint="Ett namn per rad." rows={3} />
        <TextArea name="notes" label="Anteckningar (frivilligt)" rows={4} />
      </>
    ),
    body: (data, checks) => {
      const notes = optionalText(data, checks, 'notes', 4000);
      const participants = participantsFrom(data, checks);
      return {
        type: 'HOLD_CLOSING_MEETING',
        heldAt: instantFrom(data, checks, 'heldAt', 'mötets datum'),
        ...(notes ? { notes } : {}),
        ...(participants ? { participants } : {}),
      };
    },
  },
  SUBMIT_EVALUATION: {
    labels: { sentToCourtAt: 'Datum', 'sentToCourtAt.time': 'Klockslag' },
    fields: () => <InstantFields name="sentToCourtAt" label="När utvärderingen skickades till tingsrätten" />,
    body: (data, checks) => ({
      type: 'SUBMIT_EVALUATION',
      sentToCourtAt: instantFrom(data, checks, 'sentToCourtAt', 'datum'),
    }),
  },
  ARCHIVE: {
    labels: { terminationDecidedAt: 'Datum', 'terminationDecidedAt.time': 'Klockslag' },
    fields: () => <InstantFields name="terminationDecidedAt" label="När beslutet om att avsluta insatsen fattades" />,
    body: (data, checks) => ({
      type: 'ARCHIVE',
      terminationDecidedAt: instantFrom(data, checks, 'terminationDecidedAt', 'beslutsdatum'),
    }),
  },
};
