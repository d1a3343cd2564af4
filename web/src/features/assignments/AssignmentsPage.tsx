import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { Loading, Notice, Page } from '../../app/page';
import { paths } from '../../app/routes';
import { Form, SubmitButton, TextArea, textOf } from '../../components/form';
import { answered, api, type Schemas } from '../../lib/api';
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
  if (assignment.isError) return <Notice kind="warning">Uppdraget kunde inte hämtas. Försök igen om en stund.</Notice>;
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
  const cases = useQuery({
    queryKey: ['assignments'],
    queryFn: async () => answered(await api.GET('/cases', { params: { query: { limit: 50 } } })),
  });
  return (
    <Page title="Mina uppdrag">
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

function LogVisitForm({ assignment }: { assignment: Assignment }) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState(false);
  const form = EVENT_FORMS.LOG_VISIT;
  const send = useMutation({
    mutationFn: async (body: ReturnType<typeof form.body>) =>
      answered(
        await api.POST('/cases/{id}/events', {
          params: { path: { id: assignment.id }, header: { 'If-Match': `"${assignment.version}"` } },
          body,
        }),
      ),
    onSuccess: () => {
      setRefusal(null);
      setDone(true);
      void client.invalidateQueries({ queryKey: assignmentKey(assignment.id) });
    },
    onError: (error) => {
      setRefusal(refusalOf(error));
      void client.invalidateQueries({ queryKey: assignmentKey(assignment.id) });
    },
  });
  const submit = (data: FormData) => {
    const checks = new Checks();
    const body = form.body(data, checks);
    if (!checks.ok) return setRefusal({ fields: checks.fields, error: undefined });
    setDone(false);
    send.mutate(body);
  };
  return (
    <section aria-labelledby="log-visit" className="panel">
      <h2 id="log-visit">Logga besök</h2>
      {done && <Notice kind="success">Besöket är loggat.</Notice>}
      <Form id="log-visit-form" refusal={refusal} labels={form.labels} onSubmit={submit}>
        {form.fields()}
        <SubmitButton busy={send.isPending}>Logga besöket</SubmitButton>
      </Form>
    </section>
  );
}

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

function ReportForm({ caseId, visit }: { caseId: string; visit: Visit }) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [filed, setFiled] = useState(false);
  const scope = `report-${visit.id}`;
  const file = useMutation({
    mutationFn: async (text: string) =>
      answered(
        await api.POST('/cases/{caseId}/visits/{visitId}/reports', {
          params: { path: { caseId, visitId: visit.id } },
          body: { text },
        }),
      ),
    onSuccess: () => {
      setRefusal(null);
      setFiled(true);
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const submit = (data: FormData) => {
    const checks = new Checks();
    const text = textOf(data, 'text');
    checks.required('text', text, 'Skriv vad som hände vid besöket.');
    if (!checks.ok || !text) return setRefusal({ fields: checks.fields, error: undefined });
    file.mutate(text);
  };
  if (filed) return <Notice kind="success">Rapporten är skickad.</Notice>;
  return (
    <Form id={scope} refusal={refusal} labels={{ text: 'Rapport' }} onSubmit={submit}>
      <TextArea name="text" label="Skriv rapport" hint="Vad hände vid besöket? Skriv med egna ord." rows={6} />
      <SubmitButton busy={file.isPending}>Skicka rapporten</SubmitButton>
    </Form>
  );
}

/** One assignment: its children and visits, "Logga besök", and "Skriv rapport" after a held or stopped visit. */
export function AssignmentPage({ id }: { id: string }) {
  const assignment = useAssignment(id);
  if (assignment.isPending) return <Loading what="Hämtar uppdraget" />;
  if (assignment.isError) {
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
                <ReportForm caseId={a.id} visit={visit} />
              )}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
