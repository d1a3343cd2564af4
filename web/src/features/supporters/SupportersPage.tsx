import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Page } from '../../app/page';
import {
  Checkbox,
  DateField,
  Form,
  Radios,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  textOf,
} from '../../components/form';
import { answered, api, type Schemas } from '../../lib/api';
import type { paths } from '../../api/schema';
import { Checks, isFutureDay } from '../../lib/checks';
import { formatDay, swedishDay } from '../../lib/format';
import { SUPPORTER_STATUS_LABELS, VETTING_STEP_LABELS } from '../../lib/labels';
import { refusalOf, type Refusal } from '../../lib/refusals';
import type { SessionUser } from '../../lib/session';

type Supporter = Schemas['SupporterResponse'];
type ListQuery = NonNullable<paths['/supporters']['get']['parameters']['query']>;

/** Register extracts that stop being valid within this many days are flagged for renewal. */
const EXPIRING_WITHIN_DAYS = 60;

const VETTING_DATES: [Schemas['RecordVettingStepDto']['step'], keyof Schemas['SupporterVetting']][] = [
  ['interview', 'interviewHeldOn'],
  ['references', 'referencesTakenOn'],
  ['criminalRecordExtract', 'criminalRecordExtractOn'],
  ['socialServicesExtract', 'socialServicesExtractOn'],
];

function supportersKey(query: ListQuery) {
  return ['supporters', query] as const;
}

function Filters({ onChange }: { onChange: (query: ListQuery) => void }) {
  const submit = (data: FormData) => {
    const status = textOf(data, 'status') as ListQuery['status'];
    const language = textOf(data, 'language');
    onChange({
      limit: 100,
      ...(status ? { status } : {}),
      ...(language ? { language } : {}),
      ...(data.get('hasFreeCapacity') === 'true' ? { hasFreeCapacity: true } : {}),
      ...(data.get('vettingExpiring') === 'true' ? { vettingExpiresWithinDays: EXPIRING_WITHIN_DAYS } : {}),
    });
  };
  return (
    <Form id="supporter-filter" onSubmit={submit} className="filter-form" aria-labelledby="supporter-filter-title">
      <h2 id="supporter-filter-title" className="visually-hidden">
        Urval
      </h2>
      <SelectField name="status" label="Status" options={[['', 'Alla'], ...Object.entries(SUPPORTER_STATUS_LABELS)]} />
      <TextField name="language" label="Språk" hint="Till exempel arabiska." />
      <div className="filter-form__checks">
        <Checkbox name="hasFreeCapacity" label="Bara med ledigt uppdrag" />
        <Checkbox name="vettingExpiring" label={`Registerutdrag som går ut inom ${EXPIRING_WITHIN_DAYS} dagar`} />
      </div>
      <SubmitButton secondary>Visa</SubmitButton>
    </Form>
  );
}

function RegisterSupporter({ onDone }: { onDone: () => void }) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const register = useMutation({
    mutationFn: async (body: Schemas['RegisterSupporterDto']) => answered(await api.POST('/supporters', { body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['supporters'] });
      onDone();
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const submit = (data: FormData) => {
    const checks = new Checks();
    const name = textOf(data, 'name');
    checks.name('name', name, 'Ange namnet.');
    const phone = textOf(data, 'phone');
    checks.required('phone', phone, 'Ange telefonnummer.');
    const email = textOf(data, 'email');
    if (checks.required('email', email, 'Ange e-postadress.') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      checks.fail('email', 'Ange en giltig e-postadress, till exempel karin.lund@example.se.');
    }
    const capacity = Number(textOf(data, 'capacity') ?? '1');
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 20)
      checks.fail('capacity', 'Ange ett antal mellan 1 och 20.');
    const languages = (textOf(data, 'languages') ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    const area = textOf(data, 'area');
    const availability = textOf(data, 'availability');
    if (!checks.ok) return setRefusal({ fields: checks.fields, error: undefined });
    register.mutate({
      name: name!,
      phone: phone!,
      email: email!,
      capacity,
      ...(languages.length ? { languages } : {}),
      ...(area ? { area } : {}),
      ...(availability ? { availability } : {}),
    });
  };
  return (
    <section aria-labelledby="register-supporter" className="panel">
      <h2 id="register-supporter">Registrera umgängesstödjare</h2>
      <Form
        id="supporter"
        refusal={refusal}
        labels={{
          name: 'Namn',
          phone: 'Telefon',
          email: 'E-post',
          languages: 'Språk',
          area: 'Område',
          availability: 'Tillgänglighet',
          capacity: 'Antal uppdrag',
        }}
        onSubmit={submit}
      >
        <TextField name="name" label="Namn" autoComplete="off" />
        <TextField name="phone" label="Telefon" type="tel" />
        <TextField name="email" label="E-post" type="email" spellCheck={false} />
        <TextField
          name="languages"
          label="Språk (frivilligt)"
          hint="Skilj språken åt med kommatecken, till exempel svenska, arabiska."
        />
        <TextField name="area" label="Område (frivilligt)" hint="Till exempel Uppsala centrum." />
        <TextField
          name="availability"
          label="Tillgänglighet (frivilligt)"
          hint="Till exempel vardagskvällar och helger."
        />
        <TextField name="capacity" label="Antal uppdrag samtidigt" inputMode="numeric" defaultValue="1" />
        <SubmitButton busy={register.isPending}>Registrera</SubmitButton>
      </Form>
    </section>
  );
}

function VettingForm({ supporter }: { supporter: Supporter }) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: async (body: Schemas['RecordVettingStepDto']) =>
      answered(await api.POST('/supporters/{id}/vetting', { params: { path: { id: supporter.id } }, body })),
    onSuccess: (_answer, body) => {
      setRefusal(null);
      setSaved(`${VETTING_STEP_LABELS[body.step]} är registrerad.`);
      void client.invalidateQueries({ queryKey: ['supporters'] });
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const submit = (data: FormData) => {
    const checks = new Checks();
    const step = textOf(data, 'step') as Schemas['RecordVettingStepDto']['step'] | undefined;
    const date = textOf(data, 'date');
    if (!step) checks.fail('step', 'Välj vilket steg som är gjort.');
    checks.date('date', date, { required: true, label: 'datum' });
    if (date && !checks.fields.date && isFutureDay(date)) checks.fail('date', 'Datumet kan inte ligga i framtiden.');
    setSaved(null);
    if (!checks.ok) return setRefusal({ fields: checks.fields, error: undefined });
    record.mutate({ step: step!, date: date! });
  };
  return (
    <Form
      id={`vetting-${supporter.id}`}
      refusal={refusal}
      labels={{ step: 'Steg', date: 'Datum' }}
      onSubmit={submit}
      aria-labelledby={`vetting-title-${supporter.id}`}
    >
      <h4 id={`vetting-title-${supporter.id}`}>Registrera ett steg i utredningen</h4>
      {saved && (
        <div className="notice notice--success" role="status">
          {saved}
        </div>
      )}
      <Radios name="step" legend="Steg" options={Object.entries(VETTING_STEP_LABELS)} />
      <DateField
        name="date"
        label="Datum"
        hint="För ett registerutdrag: dagen det utfärdades. Skriv som ÅÅÅÅ-MM-DD."
        defaultValue={swedishDay()}
      />
      <SubmitButton busy={record.isPending} secondary>
        Registrera steget
      </SubmitButton>
    </Form>
  );
}

/** What the page is told once the administrator's decision is saved. */
export type OnDecided = (supporter: Supporter, decision: Schemas['DecideSupporterDto']['decision']) => void;

function DecisionForm({ supporter, onDecided }: { supporter: Supporter; onDecided?: OnDecided }) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const decide = useMutation({
    mutationFn: async (body: Schemas['DecideSupporterDto']) =>
      answered(await api.POST('/supporters/{id}/decision', { params: { path: { id: supporter.id } }, body })),
    onSuccess: (_answer, body) => {
      setRefusal(null);
      onDecided?.(supporter, body.decision);
      void client.invalidateQueries({ queryKey: ['supporters'] });
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const submit = (data: FormData) => {
    const checks = new Checks();
    const decision = textOf(data, 'decision') as Schemas['DecideSupporterDto']['decision'] | undefined;
    const reason = textOf(data, 'reason');
    if (!decision) checks.fail('decision', 'Välj godkänn eller avslå.');
    if (decision === 'rejected') checks.required('reason', reason, 'Ange skälet till avslaget.');
    if (!checks.ok) return setRefusal({ fields: checks.fields, error: undefined });
    decide.mutate({ decision: decision!, ...(reason ? { reason } : {}) });
  };
  return (
    <Form
      id={`decision-${supporter.id}`}
      refusal={refusal}
      labels={{ decision: 'Beslut', reason: 'Skäl' }}
      onSubmit={submit}
      aria-labelledby={`decision-title-${supporter.id}`}
    >
      <h4 id={`decision-title-${supporter.id}`}>Beslut om godkännande</h4>
      <Radios
        name="decision"
        legend="Beslut"
        options={[
          ['approved', 'Godkänn'],
          ['rejected', 'Avslå'],
        ]}
      />
      <TextArea name="reason" label="Skäl (krävs vid avslag)" rows={2} />
      <SubmitButton busy={decide.isPending}>Spara beslutet</SubmitButton>
    </Form>
  );
}

export function SupporterDetails({
  supporter,
  user,
  onDecided,
}: {
  supporter: Supporter;
  user: SessionUser;
  onDecided?: OnDecided;
}) {
  return (
    <div className="supporter-details">
      <dl className="summary-list">
        <div>
          <dt>Telefon</dt>
          <dd>{supporter.phone}</dd>
        </div>
        <div>
          <dt>E-post</dt>
          <dd>{supporter.email}</dd>
        </div>
        <div>
          <dt>Område</dt>
          <dd>{supporter.area ?? '–'}</dd>
        </div>
        <div>
          <dt>Tillgänglighet</dt>
          <dd>{supporter.availability ?? '–'}</dd>
        </div>
        {VETTING_DATES.map(([step, field]) => (
          <div key={step}>
            <dt>{VETTING_STEP_LABELS[step]}</dt>
            <dd>{supporter.vetting[field] ? formatDay(supporter.vetting[field]) : 'Inte gjord'}</dd>
          </div>
        ))}
        {supporter.decision && (
          <div>
            <dt>Beslut</dt>
            <dd>
              {SUPPORTER_STATUS_LABELS[supporter.decision.status]}
              {supporter.decision.reason && `: ${supporter.decision.reason}`}
            </dd>
          </div>
        )}
      </dl>
      {user.role === 'secretary' && <VettingForm supporter={supporter} />}
      {user.role === 'administrator' && supporter.status === 'interested' && (
        <DecisionForm supporter={supporter} onDecided={onDecided} />
      )}
    </div>
  );
}

export function SupportersPage({ user }: { user: SessionUser }) {
  const [query, setQuery] = useState<ListQuery>({ limit: 100 });
  const [registering, setRegistering] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const supporters = useQuery({
    queryKey: supportersKey(query),
    queryFn: async () => answered(await api.GET('/supporters', { params: { query } })),
  });
  return (
    <Page title="Umgängesstödjare">
      {user.role === 'secretary' && !registering && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => setRegistering(true)}>
            Registrera umgängesstödjare
          </button>
        </p>
      )}
      {registering && <RegisterSupporter onDone={() => setRegistering(false)} />}
      <Filters onChange={setQuery} />
      {supporters.isPending ? (
        <p role="status">Hämtar …</p>
      ) : (supporters.data?.items.length ?? 0) === 0 ? (
        <p role="status">Ingen umgängesstödjare matchar urvalet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Umgängesstödjare</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Status</th>
              <th scope="col">Språk</th>
              <th scope="col">Uppdrag</th>
              <th scope="col">Utdrag giltiga till</th>
            </tr>
          </thead>
          <tbody>
            {supporters.data!.items.map((s) => (
              <SupporterRow
                key={s.id}
                supporter={s}
                user={user}
                open={open === s.id}
                onToggle={() => setOpen(open === s.id ? null : s.id)}
              />
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

function SupporterRow({
  supporter,
  user,
  open,
  onToggle,
}: {
  supporter: Supporter;
  user: SessionUser;
  open: boolean;
  onToggle: () => void;
}) {
  return (
    <>
      <tr>
        <td>
          <button type="button" className="button--link" aria-expanded={open} onClick={onToggle}>
            {supporter.name}
          </button>
        </td>
        <td>{SUPPORTER_STATUS_LABELS[supporter.status]}</td>
        <td>{supporter.languages.join(', ') || '–'}</td>
        <td>
          {supporter.activeAssignments} av {supporter.capacity}
        </td>
        <td>{supporter.vettingValidUntil ? formatDay(supporter.vettingValidUntil) : 'Utdrag saknas'}</td>
      </tr>
      {open && (
        <tr className="details-row">
          <td colSpan={5}>
            <SupporterDetails supporter={supporter} user={user} />
          </td>
        </tr>
      )}
    </>
  );
}
