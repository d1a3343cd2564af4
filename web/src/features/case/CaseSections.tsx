import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, SelectField, SubmitButton, TextArea, TextField, textOf } from '../../components/form';
import { answered, api, type Schemas } from '../../lib/api';
import { Checks } from '../../lib/checks';
import { formatDay, formatInstant, swedishInstant } from '../../lib/format';
import {
  ALERT_LABELS,
  CUSTODY_LABELS,
  DEADLINE_LABELS,
  DEADLINE_STATUS_LABELS,
  DOCUMENT_KIND_LABELS,
  INTERVIEW_STATUS_LABELS,
  LETTER_LABELS,
  MEETING_PARTY_LABELS,
  OUTCOME_LABELS,
  PROTECTION_LABELS,
  ROLE_LABELS,
  STOP_REASON_LABELS,
  eventDone,
} from '../../lib/labels';
import { refusalOf, type Refusal } from '../../lib/refusals';
import { requiredText } from './event-forms';
import {
  caseKey,
  useCaseAlerts,
  useDocuments,
  useHistory,
  useInterviews,
  useSupporter,
  useVisits,
  type CaseView,
} from './case-queries';
import { stateText } from '../../lib/state-text';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Pending() {
  return <p role="status">Hämtar …</p>;
}

export function AlertsSection({ caseId }: { caseId: string }) {
  const alerts = useCaseAlerts(caseId);
  const client = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: async (id: string) =>
      answered(await api.POST('/alerts/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
  return (
    <Section id="case-alerts" title="Aviseringar">
      {alerts.isPending ? (
        <Pending />
      ) : (alerts.data?.items.length ?? 0) === 0 ? (
        <p>Inga öppna aviseringar.</p>
      ) : (
        <ul className="plain-list">
          {alerts.data!.items.map((alert) => (
            <li key={alert.id} className="alert-item">
              <p>
                <strong>{ALERT_LABELS[alert.kind]}</strong>
                <br />
                <span className="meta">Sedan {formatInstant(alert.raisedAt)}</span>
                {alert.acknowledgedAt && <span className="meta"> · sedd av {alert.acknowledgedBy}</span>}
              </p>
              {!alert.acknowledgedAt && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={acknowledge.isPending}
                  onClick={() => acknowledge.mutate(alert.id)}
                >
                  Markera som sedd<span className="visually-hidden">: {ALERT_LABELS[alert.kind]}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function DeadlinesSection({ view }: { view: CaseView }) {
  // The moment the section was opened: what is overdue is judged against it, so rendering stays pure.
  const [now] = useState(() => Date.now());
  const deadlines = [...view.deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const pending = deadlines.filter((d) => d.status === 'pending');
  const past = deadlines.filter((d) => d.status !== 'pending');
  return (
    <Section id="case-deadlines" title="Tidsfrister">
      {pending.length === 0 ? (
        <p>Inga tidsfrister väntar.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Väntande tidsfrister</caption>
          <thead>
            <tr>
              <th scope="col">Tidsfrist</th>
              <th scope="col">Senast</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((d) => (
              <tr key={d.id} className={Date.parse(d.dueAt) < now ? 'overdue' : undefined}>
                <td>{DEADLINE_LABELS[d.kind]}</td>
                <td>
                  {formatInstant(d.dueAt)}
                  {Date.parse(d.dueAt) < now && <strong className="tag tag--red"> Försenad</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {past.length > 0 && (
        <details>
          <summary>Tidigare tidsfrister ({past.length})</summary>
          <ul>
            {past.map((d) => (
              <li key={d.id}>
                {DEADLINE_LABELS[d.kind]}, {formatInstant(d.dueAt)}: {DEADLINE_STATUS_LABELS[d.status]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}

export function PartiesSection({ view }: { view: CaseView }) {
  const { children, residentParent, visitingParent } = view.parties;
  const rows: [string, Schemas['MaskedParty']][] = [
    ...children.map((child, i): [string, Schemas['MaskedParty']] => [
      children.length > 1 ? `Barn ${i + 1}` : 'Barn',
      child,
    ]),
    ['Boendeförälder', residentParent],
    ['Umgängesförälder', visitingParent],
  ];
  return (
    <Section id="case-parties" title="Parter">
      <dl className="summary-list">
        {rows.map(([role, party]) => (
          <div key={party.id}>
            <dt>{role}</dt>
            <dd>
              {party.name}, {party.personnummer}
              {party.custody && (
                <>
                  <br />
                  <span className="meta">{CUSTODY_LABELS[party.custody as keyof typeof CUSTODY_LABELS]}</span>
                </>
              )}
              {party.protection && (
                <>
                  <br />
                  <strong className="tag tag--red">
                    {PROTECTION_LABELS[party.protection as keyof typeof PROTECTION_LABELS]}
                  </strong>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

export function SupporterSection({ view }: { view: CaseView }) {
  const appointed = view.progress.supporter as { supporterId: string; decidedAt: string } | undefined;
  const supporter = useSupporter(appointed?.supporterId);
  return (
    <Section id="case-supporter" title="Umgängesstödjare">
      {!appointed ? (
        <p>Ingen umgängesstödjare är utsedd ännu.</p>
      ) : supporter.isPending ? (
        <Pending />
      ) : supporter.data ? (
        <dl className="summary-list">
          <div>
            <dt>Namn</dt>
            <dd>{supporter.data.name}</dd>
          </div>
          <div>
            <dt>Telefon</dt>
            <dd>{supporter.data.phone}</dd>
          </div>
          <div>
            <dt>E-post</dt>
            <dd>{supporter.data.email}</dd>
          </div>
          <div>
            <dt>Beslut</dt>
            <dd>{formatInstant(appointed.decidedAt)}</dd>
          </div>
        </dl>
      ) : (
        <p>Uppgifterna om umgängesstödjaren kunde inte hämtas.</p>
      )}
    </Section>
  );
}

/** Why a missing report will never come: the case then stops waiting for it (archiving needs every report). */
function ReportWaiver({ caseId, visitId }: { caseId: string; visitId: string }) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const waive = useMutation({
    mutationFn: async (reason: string) =>
      answered(
        await api.POST('/cases/{caseId}/visits/{visitId}/report-waiver', {
          params: { path: { caseId, visitId } },
          body: { reason },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: caseKey(caseId) }),
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const submit = (data: FormData) => {
    const checks = new Checks();
    const reason = requiredText(data, checks, 'reason', 'Skriv varför rapporten inte kommer.', 1000);
    if (!checks.ok) return setRefusal({ fields: checks.fields, error: undefined });
    waive.mutate(reason);
  };
  return (
    <details className="disclosure">
      <summary>Rapporten kommer inte</summary>
      <Form id={`waiver-${visitId}`} refusal={refusal} labels={{ reason: 'Skäl' }} onSubmit={submit}>
        <TextArea
          name="reason"
          label="Varför kommer rapporten aldrig?"
          hint="Skälet sparas i ärendets händelser. Ärendet kan sedan arkiveras utan rapporten."
          rows={2}
        />
        <SubmitButton busy={waive.isPending} secondary>
          Spara
        </SubmitButton>
      </Form>
    </details>
  );
}

export function VisitsSection({ caseId, view }: { caseId: string; view: CaseView }) {
  const visits = useVisits(caseId);
  const awaited = new Set(
    ((view.progress as { visitsAwaitingReport?: string[] }).visitsAwaitingReport ?? []).map((at) => Date.parse(at)),
  );
  return (
    <Section id="case-visits" title="Umgängestillfällen och rapporter">
      {visits.isPending ? (
        <Pending />
      ) : (visits.data?.visits.length ?? 0) === 0 ? (
        <p>Inga umgängestillfällen är registrerade.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">När</th>
              <th scope="col">Utfall</th>
              <th scope="col">Rapport</th>
            </tr>
          </thead>
          <tbody>
            {visits.data!.visits.map((visit) => (
              <tr key={visit.id}>
                <td>
                  {formatInstant(visit.occurredAt)}, {visit.durationMinutes} min
                </td>
                <td>
                  {OUTCOME_LABELS[visit.outcome]}
                  {visit.stopReason && `: ${STOP_REASON_LABELS[visit.stopReason].toLowerCase()}`}
                </td>
                <td>
                  {visit.reports.length > 0 ? (
                    `Inkommen ${formatInstant(visit.reports.at(-1)!.filedAt)}`
                  ) : visit.reportMissing && awaited.has(Date.parse(visit.occurredAt)) ? (
                    <>
                      <strong className="tag tag--yellow">Saknas</strong>
                      {view.allowedEvents.length > 0 && <ReportWaiver caseId={caseId} visitId={visit.id} />}
                    </>
                  ) : visit.reportMissing ? (
                    'Kommer inte (skälet står under Händelser)'
                  ) : (
                    'Behövs inte'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(visits.data?.plans.filter((p) => !p.loggedAs).length ?? 0) > 0 && (
        <>
          <h3>Planerade umgängestillfällen</h3>
          <ul>
            {visits
              .data!.plans.filter((p) => !p.loggedAs)
              .map((plan) => (
                <li key={plan.id}>
                  {formatInstant(plan.plannedFor)}, {plan.place}
                </li>
              ))}
          </ul>
        </>
      )}
    </Section>
  );
}

export function InterviewsSection({ caseId }: { caseId: string }) {
  const interviews = useInterviews(caseId);
  const guardian = { residentParent: 'boendeföräldern', visitingParent: 'umgängesföräldern' };
  return (
    <Section id="case-interviews" title="Barnsamtal och samtycken">
      {interviews.isPending ? (
        <Pending />
      ) : (
        <ul className="plain-list">
          {interviews.data?.items.map((interview) => (
            <li key={interview.childIndex}>
              <strong>{interview.name}</strong>: {INTERVIEW_STATUS_LABELS[interview.status]}
              {interview.bookedFor && `, bokat ${formatInstant(interview.bookedFor)}`}
              {interview.heldAt && `, hållet ${formatInstant(interview.heldAt)}`}
              <br />
              <span className="meta">
                Samtycke behövs från {interview.consent.needed.map((g) => guardian[g]).join(' och ') || 'ingen'}.{' '}
                {interview.consent.records
                  .map(
                    (r) =>
                      `Givet av ${guardian[r.guardian]} ${formatDay(r.givenOn)}${r.withdrawnOn ? `, återkallat ${formatDay(r.withdrawnOn)}` : ''}.`,
                  )
                  .join(' ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

type LetterKind = Schemas['GenerateLetterDto']['kind'];
const LETTER_KINDS = Object.entries(LETTER_LABELS) as [LetterKind, string][];
const MEETING_LETTERS: LetterKind[] = ['summons', 'followUpSummons', 'closingSummons'];

function LetterForm({ caseId }: { caseId: string }) {
  const client = useQueryClient();
  const [kind, setKind] = useState<LetterKind>('supporterDecision');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const write = useMutation({
    mutationFn: async (body: Schemas['GenerateLetterDto']) =>
      answered(await api.POST('/cases/{caseId}/documents/letters', { params: { path: { caseId } }, body })),
    onSuccess: (answer) => {
      setRefusal(null);
      setWritten(
        `${answer.items.length === 1 ? 'Brevet är skapat' : `${answer.items.length} brev är skapade`}: se listan ovan.`,
      );
      void client.invalidateQueries({ queryKey: [...caseKey(caseId), 'documents'] });
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const submit = (data: FormData) => {
    const checks = new Checks();
    const body: Schemas['GenerateLetterDto'] = { kind };
    if (MEETING_LETTERS.includes(kind)) {
      const place = textOf(data, 'place');
      if (place) body.place = place;
    }
    if (kind === 'summons') {
      for (const who of ['residentParentMeetingAt', 'visitingParentMeetingAt'] as const) {
        const day = textOf(data, who);
        const time = textOf(data, `${who}.time`);
        if (day || time) {
          const at = checks.instant(who, day, `${who}.time`, time, 'datum för det enskilda mötet');
          if (at) body[who] = swedishInstant(at.day, at.time);
        }
      }
    }
    if (kind === 'evaluation') {
      const text = textOf(data, 'text');
      if (checks.required('text', text, 'Skriv utvärderingens text.')) body.text = text;
    }
    if (kind === 'courtNotice') {
      const text = textOf(data, 'text');
      if (text) body.text = text;
    }
    setWritten(null);
    if (!checks.ok) return setRefusal({ fields: checks.fields, error: undefined });
    write.mutate(body);
  };
  return (
    <Form
      id="letter"
      refusal={refusal}
      labels={{ kind: 'Brev', place: 'Plats', text: 'Text' }}
      onSubmit={submit}
      aria-labelledby="letter-title"
    >
      <h3 id="letter-title">Skapa brev</h3>
      {written && (
        <div className="notice notice--success" role="status">
          {written}
        </div>
      )}
      <SelectField
        name="kind"
        label="Brev"
        options={LETTER_KINDS}
        defaultValue={kind}
        onChange={(value) => setKind(value as LetterKind)}
      />
      {kind === 'summons' && (
        <>
          <TextField
            name="place"
            label="Plats för uppstartsmötet (frivilligt)"
            hint="Till exempel Familjerätten, Stationsgatan 12, Uppsala."
          />
          <p className="hint">
            Enskilda möten (frivilligt, fyll i när föräldrarna inte ska träffas): datum som ÅÅÅÅ-MM-DD och klockslag som
            13.00.
          </p>
          <div className="group--inline">
            <TextField name="residentParentMeetingAt" label="Boendeförälderns möte, datum" inputMode="numeric" />
            <TextField name="residentParentMeetingAt.time" label="Klockslag" inputMode="numeric" />
          </div>
          <div className="group--inline">
            <TextField name="visitingParentMeetingAt" label="Umgängesförälderns möte, datum" inputMode="numeric" />
            <TextField name="visitingParentMeetingAt.time" label="Klockslag" inputMode="numeric" />
          </div>
        </>
      )}
      {kind === 'evaluation' && (
        <TextArea name="text" label="Utvärderingens text" hint="Stycken skiljs med en tom rad." rows={8} />
      )}
      <SubmitButton busy={write.isPending} secondary>
        Skapa brev
      </SubmitButton>
    </Form>
  );
}

export function DocumentsSection({ caseId, archived }: { caseId: string; archived: boolean }) {
  const documents = useDocuments(caseId);
  const items = (documents.data?.items ?? []) as Schemas['DocumentResponse'][];
  return (
    <Section id="case-documents" title="Dokument och brev">
      {documents.isPending ? (
        <Pending />
      ) : items.length === 0 ? (
        <p>Inga dokument ännu.</p>
      ) : (
        <ul className="plain-list">
          {items.map((doc) => (
            <li key={doc.id}>
              {doc.file ? (
                <a href={`/cases/${caseId}/documents/${doc.id}/content`} target="_blank" rel="noopener">
                  {doc.title}
                  <span className="visually-hidden"> (öppnas i ny flik)</span>
                </a>
              ) : (
                doc.title
              )}
              <br />
              <span className="meta">
                {DOCUMENT_KIND_LABELS[doc.kind]} · {formatDay(doc.date)}
                {doc.recipients.length > 0 && ` · till ${doc.recipients.join(', ')}`}
                {doc.correctedBy && ' · ersatt av en rättelse'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!archived && <LetterForm caseId={caseId} />}
    </Section>
  );
}

/** What an entry recorded, in a few words, where it says more than its event. */
function entryDetails(payload: Record<string, unknown>): string | undefined {
  const details = [
    typeof payload.diaryNumber === 'string' && `diarienummer ${payload.diaryNumber}`,
    typeof payload.reason === 'string' && `skäl: ${payload.reason}`,
    typeof payload.outcome === 'string' &&
      OUTCOME_LABELS[payload.outcome as keyof typeof OUTCOME_LABELS]?.toLowerCase(),
    typeof payload.party === 'string' &&
      MEETING_PARTY_LABELS[payload.party as keyof typeof MEETING_PARTY_LABELS]?.toLowerCase(),
    typeof payload.meetingAt === 'string' && `mötet ${formatInstant(payload.meetingAt)}`,
    Array.isArray(payload.individualMeetings) && 'var sitt möte för föräldrarna',
    typeof payload.waivedReason === 'string' && `skäl: ${payload.waivedReason}`,
    typeof payload.periodCapOverrideReason === 'string' && `längre period: ${payload.periodCapOverrideReason}`,
  ].filter(Boolean);
  return details.length > 0 ? details.join(', ') : undefined;
}

export function TimelineSection({ caseId }: { caseId: string }) {
  const history = useHistory(caseId);
  return (
    <Section id="case-history" title="Händelser">
      {history.isPending ? (
        <Pending />
      ) : (
        <ol className="timeline">
          {history.data?.items.map((entry) => {
            const details = entryDetails(entry.payload);
            return (
              <li key={entry.version}>
                <p className="timeline__what">
                  <strong>
                    {typeof entry.payload.waivedReason === 'string' ? 'Rapporten kommer inte' : eventDone(entry.type)}
                  </strong>
                  {entry.fromState !== entry.toState &&
                    ` – ${entry.fromState ? `${stateText(entry.fromState)} → ` : ''}${stateText(entry.toState)}`}
                </p>
                <p className="meta">
                  {formatInstant(entry.at)} ·{' '}
                  {entry.by.role === 'system'
                    ? 'systemet'
                    : `${entry.by.id} (${(ROLE_LABELS[entry.by.role] ?? entry.by.role).toLowerCase()})`}
                </p>
                {details && <p>{details}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
