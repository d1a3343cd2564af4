import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { Loading, Notice, Page } from '../../app/page';
import { paths } from '../../app/routes';
import { Form, SubmitButton, TextArea, TextField, textOf } from '../../components/form';
import { answered, api, type Schemas } from '../../lib/api';
import { forget, sendOrKeep, useUnsent } from '../../lib/outbox';
import { useSession } from '../../lib/session';
import { Checks } from '../../lib/checks';
import { formatDay, formatInstant } from '../../lib/format';
import { CANCELLED_BY_LABELS, OUTCOME_LABELS, STATE_LABELS, STOP_REASON_LABELS } from '../../lib/labels';
import { refusalOf, type Refusal } from '../../lib/refusals';
import { EVENT_FORMS } from '../case/event-forms';

type Assignment = Schemas['SupporterCaseResponse'];
type Visit = Assignment['visits'][number];

const assignmentKey = (id: string) => ['assignment', id] as const;

function useAssignment(id: string) {
  return useQuery({
    queryKey: assignmentKey(id),
    queryFn: async () => answered(await api.GET('/cases/{id}', { params: { path: { id } } })) as Assignment,
  });
}

function childrenOf(assignment: Assignment): string {
  return assignment.children.map((child) => child.firstName).join(' och ');
}

/** The latest logged visit, for the list's summary. */
function lastVisit(assignment: Assignment): Visit | undefined {
  return assignment.visits.toSorted((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))[0];
}

function AssignmentCard({ id }: { id: string }) {
  const assignment = useAssignment(id);
  if (assignment.isPending) return <Loading what="Hämtar uppdraget" />;
  if (assignment.isError && !assignment.data)
    return <Notice kind="warning">Uppdraget kunde inte hämtas. Försök igen om en stund.</Notice>;
  const a = assignment.data;
  const last = lastVisit(a);
  return (
    <li className="card">
      <h2>
        <Link href={paths.assignment(a.id)} className="card__link">
          {childrenOf(a) || 'Uppdrag'}
        </Link>
      </h2>
      <p>
        Umgänge med {a.visitingParent.name ?? 'umgängesföräldern'}, {formatDay(a.period.start)} –{' '}
        {formatDay(a.period.end)}
      </p>
      <p>
        {last
          ? `Senaste besök: ${formatInstant(last.occurredAt)} (${OUTCOME_LABELS[last.outcome] ?? last.outcome})`
          : 'Inga besök loggade ännu.'}
      </p>
    </li>
  );
}

/** "Mina uppdrag": the signed-in supporter's own assignments, nothing else (the API answers only theirs). */
export function AssignmentsPage() {
  const unsent = useUnsent(useSession().data?.username ?? '');
  const cases = useQuery({
    queryKey: ['assignments'],
    queryFn: async () => answered(await api.GET('/cases', { params: { query: { limit: 50 } } })),
  });
  return (
    <Page title="Mina uppdrag">
      {unsent.length > 0 && (
        <Notice kind="warning">
          {unsent.length === 1 ? 'Ett besök eller en rapport' : `${unsent.length} besök eller rapporter`} på telefonen
          är inte skickad ännu. Öppna uppdraget för att se vad.
        </Notice>
      )}
      {cases.isPending && <Loading what="Hämtar dina uppdrag" />}
      {cases.isError && <Notice kind="warning">Dina uppdrag kunde inte hämtas. Försök igen om en stund.</Notice>}
      {cases.data && cases.data.items.length === 0 && <p>Du har inga uppdrag just nu.</p>}
      {cases.data && cases.data.items.length > 0 && (
        <ul className="cards">
          {cases.data.items.map((c) => (
            <AssignmentCard key={c.id} id={c.id} />
          ))}
        </ul>
      )}
    </Page>
  );
}

/** Sends what the form holds, or keeps it on the phone when there is no connection; a refusal is shown at its field. */
function useSendOrKeep(caseId: string) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [outcome, setOutcome] = useState<'sent' | 'kept' | null>(null);
  const send = useMutation({
    mutationFn: sendOrKeep,
    // Sent, or kept on the phone, whether or not the browser believes it is online.
    networkMode: 'always',
    onSuccess: (answer) => {
      setRefusal(null);
      setOutcome(answer);
      void client.invalidateQueries({ queryKey: assignmentKey(caseId) });
    },
    onError: (error) => {
      setOutcome(null);
      setRefusal(refusalOf(error));
    },
  });
  const refuse = (fields: Refusal['fields']) => {
    setOutcome(null);
    setRefusal({ fields, error: undefined });
  };
  return { send, refusal, refuse, outcome };
}

function LogVisitForm({ assignment }: { assignment: Assignment }) {
  const form = EVENT_FORMS.LOG_VISIT;
  const { send, refusal, refuse, outcome } = useSendOrKeep(assignment.id);
  const [entry, setEntry] = useState(0);
  const submit = (data: FormData) => {
    const checks = new Checks();
    const visit = form.body(data, checks);
    if (!checks.ok || visit.type !== 'LOG_VISIT') return refuse(checks.fields);
    // A fresh form after each visit, so the same visit is not logged twice by mistake.
    send.mutate({ kind: 'visit', caseId: assignment.id, visit }, { onSuccess: () => setEntry((n) => n + 1) });
  };
  return (
    <section aria-labelledby="log-visit" className="panel">
      <h2 id="log-visit">Logga besök</h2>
      {outcome === 'sent' && <Notice kind="success">Besöket är loggat.</Notice>}
      {outcome === 'kept' && <Notice kind="warning">{KEPT}</Notice>}
      <Form key={entry} id="log-visit-form" refusal={refusal} labels={form.labels} onSubmit={submit}>
        {form.fields()}
        <SubmitButton busy={send.isPending}>Logga besöket</SubmitButton>
      </Form>
    </section>
  );
}

const KEPT =
  'Telefonen har ingen anslutning just nu. Det du skrev är sparat på telefonen, inte skickat ännu, och skickas när anslutningen kommer tillbaka.';

/** The types the service files (check-upload.ts); anything else is refused before it is sent. */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/tiff', 'application/pdf'];

/** What was logged about a visit: its length, and why it was stopped or who did not come. */
function VisitFacts({ visit }: { visit: Visit }) {
  const who = visit.cancelledBy ? (CANCELLED_BY_LABELS[visit.cancelledBy] ?? visit.cancelledBy) : undefined;
  return (
    <>
      <p>{visit.durationMinutes} minuter</p>
      {visit.stopReason && <p>Skäl: {STOP_REASON_LABELS[visit.stopReason] ?? visit.stopReason}</p>}
      {who && <p>{visit.outcome === 'noShow' ? `Kom inte: ${who}` : `Ställde in: ${who}`}</p>}
      {visit.absenceReason && <p>Varför: {visit.absenceReason}</p>}
    </>
  );
}

/** "Skriv rapport", folded away once a report has come in: a second one (the paper form's photo, say) can still follow. */
function ReportForm({ caseId, visit, folded }: { caseId: string; visit: Visit; folded: boolean }) {
  const { send, refusal, refuse, outcome } = useSendOrKeep(caseId);
  const scope = `report-${visit.id}`;
  const submit = async (data: FormData) => {
    const checks = new Checks();
    const text = textOf(data, 'text');
    const photo = data.get('photo');
    const file = photo instanceof File && photo.size > 0 ? photo : undefined;
    if (!text && !file)
      checks.fail('text', 'Skriv vad som hände vid besöket, eller fotografera den ifyllda blanketten.');
    if (text && text.length > 20000) checks.fail('text', 'Rapporten får vara högst 20 000 tecken.');
    if (file && !PHOTO_TYPES.includes(file.type))
      checks.fail('photo', 'Välj ett foto (JPEG, PNG eller TIFF) eller en PDF av blanketten.');
    if (!checks.ok) return refuse(checks.fields);
    // The text and the photo are two reports, each sent (or kept) with its own key.
    if (text) await send.mutateAsync({ kind: 'report', caseId, visitId: visit.id, text }).catch(() => undefined);
    if (file) send.mutate({ kind: 'photo', caseId, visitId: visit.id, file });
  };
  if (outcome === 'sent') return <Notice kind="success">Rapporten är skickad.</Notice>;
  if (outcome === 'kept') return <Notice kind="warning">{KEPT}</Notice>;
  const form = (
    <Form
      id={scope}
      refusal={refusal}
      labels={{ text: 'Rapport', photo: 'Foto av blanketten' }}
      onSubmit={(data) => void submit(data)}
    >
      <TextArea name="text" label="Skriv rapport" hint="Vad hände vid besöket? Skriv med egna ord." rows={6} />
      <TextField
        name="photo"
        type="file"
        label="Eller fotografera den ifyllda blanketten"
        hint="Ett foto eller en PDF, som det dokument som skickas in i dag."
        accept="image/*,application/pdf"
        capture="environment"
      />
      <SubmitButton busy={send.isPending}>Skicka rapporten</SubmitButton>
    </Form>
  );
  if (!folded) return form;
  return (
    <details>
      <summary>Skicka en rapport till om besöket</summary>
      {form}
    </details>
  );
}

/** What the supporter entered that the service has not acknowledged: kept on the phone, sent when it can be. */
function UnsentList({ assignment, user }: { assignment: Assignment; user: string }) {
  const unsent = useUnsent(user, assignment.id);
  if (unsent.length === 0) return null;
  const visitAt = (visitId: string) => {
    const visit = assignment.visits.find((v) => v.id === visitId);
    return visit ? formatInstant(visit.occurredAt) : 'besöket';
  };
  return (
    <section aria-labelledby="unsent" className="panel">
      <h2 id="unsent">Inte skickat ännu</h2>
      <p>
        Det här är sparat på telefonen och skickas när den har anslutning. Logga inte ut innan det är skickat: vid
        utloggning tas det bort från telefonen.
      </p>
      <ul className="cards">
        {unsent.map((item) => (
          <li key={item.key} className="card">
            <p>
              <strong>
                {item.kind === 'visit'
                  ? `Besök ${formatInstant(item.visit.occurredAt)}: ${OUTCOME_LABELS[item.visit.outcome]}`
                  : `${item.kind === 'photo' ? 'Foto av rapport' : 'Rapport'} om besöket ${visitAt(item.visitId)}`}
              </strong>
            </p>
            {item.refusal ? (
              <>
                <p className="field-error">Skickades inte: {item.refusal}</p>
                <button type="button" className="button button--secondary" onClick={() => void forget(item.key)}>
                  Ta bort från telefonen
                </button>
              </>
            ) : (
              <p>
                <span className="tag tag--yellow">inte skickad ännu</span>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One assignment: its children and visits, "Logga besök", and "Skriv rapport" after a held or stopped
 * visit, open while its report is missing and folded away once one has come in.
 */
export function AssignmentPage({ id }: { id: string }) {
  const assignment = useAssignment(id);
  const user = useSession().data?.username ?? '';
  if (assignment.isPending) return <Loading what="Hämtar uppdraget" />;
  // A refetch that failed for want of a connection still shows the assignment as last fetched.
  if (assignment.isError && !assignment.data) {
    return (
      <Page title="Uppdraget finns inte">
        <p>
          Uppdraget kunde inte visas. <Link href={paths.assignments}>Tillbaka till Mina uppdrag</Link>
        </p>
      </Page>
    );
  }
  const a = assignment.data;
  const visits = a.visits.toSorted((x, y) => Date.parse(y.occurredAt) - Date.parse(x.occurredAt));
  return (
    <Page title={`Uppdrag: ${childrenOf(a)}`}>
      <p>
        <Link href={paths.assignments}>Tillbaka till Mina uppdrag</Link>
      </p>
      <p>
        Umgänge med {a.visitingParent.name ?? 'umgängesföräldern'}, {formatDay(a.period.start)} –{' '}
        {formatDay(a.period.end)}. Ärendet är {(STATE_LABELS[a.state] ?? a.state).toLowerCase()}.
      </p>
      <UnsentList assignment={a} user={user} />
      {a.allowedEvents.includes('LOG_VISIT') ? (
        <LogVisitForm assignment={a} />
      ) : (
        <p>Du kan inte logga besök i ärendet just nu.</p>
      )}
      <section aria-labelledby="visits">
        <h2 id="visits">Besök</h2>
        {visits.length === 0 && <p>Inga besök loggade ännu.</p>}
        <ul className="cards">
          {visits.map((visit) => (
            <li key={visit.id} className="card">
              <h3>
                {formatInstant(visit.occurredAt)}: {OUTCOME_LABELS[visit.outcome] ?? visit.outcome}
              </h3>
              <VisitFacts visit={visit} />
              {(visit.outcome === 'completed' || visit.outcome === 'stopped') && (
                <>
                  <p>
                    {visit.reportAwaited ? (
                      <span className="tag tag--yellow">Rapport saknas</span>
                    ) : (
                      <span className="tag tag--green">Rapport inkommen</span>
                    )}
                  </p>
                  <ReportForm caseId={a.id} visit={visit} folded={!visit.reportAwaited} />
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
