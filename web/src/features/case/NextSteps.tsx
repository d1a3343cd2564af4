import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Form, SubmitButton } from '../../components/form';
import { ApiError, answered, api, type Schemas } from '../../lib/api';
import { Checks } from '../../lib/checks';
import { formatInstant } from '../../lib/format';
import { ALERT_LABELS, DEADLINE_LABELS, EVENT_LABELS, type ClientEventBody, type EventType } from '../../lib/labels';
import { STALE_CASE_MESSAGE, refusalOf, type Refusal } from '../../lib/refusals';
import { caseKey, type CaseView } from './case-queries';
import { EVENT_FORMS } from './event-forms';
import { stateText } from '../../lib/state-text';

type DryRun = Schemas['DryRunResponse'];

function Preview({ dryRun }: { dryRun: DryRun }) {
  const { added, moved, cancelled } = dryRun.deadlines;
  const { resolved, raised } = dryRun.alerts;
  return (
    <dl className="summary-list">
      <div>
        <dt>Nytt läge</dt>
        <dd>{stateText(dryRun.state, dryRun.subState)}</dd>
      </div>
      <div>
        <dt>Tidsfrister som sätts</dt>
        <dd>
          {added.length === 0 && moved.length === 0 ? (
            'Inga'
          ) : (
            <ul>
              {added.map((d) => (
                <li key={`${d.kind}-${d.dueAt}`}>
                  {DEADLINE_LABELS[d.kind]}: {formatInstant(d.dueAt)}
                </li>
              ))}
              {moved.map((d) => (
                <li key={`${d.kind}-${d.dueAt}`}>
                  {DEADLINE_LABELS[d.kind]}: flyttas från {formatInstant(d.fromDueAt)} till {formatInstant(d.dueAt)}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>Tidsfrister som tas bort</dt>
        <dd>
          {cancelled.length === 0 ? (
            'Inga'
          ) : (
            <ul>
              {cancelled.map((d) => (
                <li key={`${d.kind}-${d.dueAt}`}>
                  {DEADLINE_LABELS[d.kind]} ({formatInstant(d.dueAt)})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      {(resolved.length > 0 || raised.length > 0) && (
        <div>
          <dt>Aviseringar</dt>
          <dd>
            <ul>
              {resolved.map((a) => (
                <li key={a.id}>Löses: {ALERT_LABELS[a.kind as keyof typeof ALERT_LABELS] ?? a.kind}</li>
              ))}
              {raised.map((a, i) => (
                <li key={i}>Skapas: {ALERT_LABELS[a.kind as keyof typeof ALERT_LABELS] ?? a.kind}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}

/**
 * "Nästa steg": the events the case's state allows, each with its own form. The form is first
 * sent as a dry run, whose answer shows what would happen; only "Bekräfta" sends it for real.
 * Both carry the case version the secretary saw (If-Match), so a change made meanwhile by
 * someone else is refused and the fresh case shown.
 */
export function NextSteps({ view }: { view: CaseView }) {
  const client = useQueryClient();
  const [chosen, setChosen] = useState<EventType | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [preview, setPreview] = useState<{ body: ClientEventBody; dryRun: DryRun; version: number } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  const events = view.allowedEvents.filter((type): type is EventType => type in EVENT_FORMS);

  const refused = (error: unknown) => {
    if (error instanceof ApiError && error.body.error === 'StaleVersion') {
      setStale(true);
      setPreview(null);
      setChosen(null);
      void client.invalidateQueries({ queryKey: caseKey(view.id) });
      return;
    }
    setRefusal(refusalOf(error));
  };

  const send = (body: ClientEventBody, version: number, dryRun: boolean) =>
    api.POST('/cases/{id}/events', {
      params: {
        path: { id: view.id },
        query: dryRun ? { dryRun: 'true' } : {},
        header: { 'If-Match': `"${version}"` },
      },
      body,
    });

  const tryOut = useMutation({
    mutationFn: async (body: ClientEventBody) => ({
      body,
      version: view.version,
      dryRun: answered(await send(body, view.version, true)) as DryRun,
    }),
    onSuccess: (answer) => {
      setRefusal(null);
      setPreview(answer);
    },
    onError: refused,
  });

  const confirm = useMutation({
    mutationFn: async (chosenPreview: NonNullable<typeof preview>) =>
      answered(await send(chosenPreview.body, chosenPreview.version, false)) as CaseView,
    onSuccess: (next, sent) => {
      client.setQueryData(caseKey(view.id), next);
      void client.invalidateQueries({ queryKey: caseKey(view.id), predicate: (q) => q.queryKey.length > 2 });
      void client.invalidateQueries({ queryKey: ['today'] });
      setDone(`${EVENT_LABELS[sent.body.type].done}. Ärendet är nu i läget ${stateText(next.state, next.subState)}.`);
      setPreview(null);
      setChosen(null);
    },
    onError: refused,
  });

  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (chosen) formHeading.current?.focus();
  }, [chosen]);

  const choose = (type: EventType) => {
    setChosen(type);
    setRefusal(null);
    setPreview(null);
    setDone(null);
    setStale(false);
  };

  const form = chosen ? EVENT_FORMS[chosen] : undefined;
  const submit = (data: FormData) => {
    if (!chosen || !form) return;
    const checks = new Checks();
    const body = form.body(data, checks, view);
    if (!checks.ok) {
      setPreview(null);
      return setRefusal({ fields: checks.fields, error: undefined });
    }
    tryOut.mutate(body);
  };

  return (
    <section aria-labelledby="next-steps" className="panel panel--primary">
      <h2 id="next-steps">Nästa steg</h2>
      {stale && (
        <div className="notice notice--warning" role="alert">
          {STALE_CASE_MESSAGE}
        </div>
      )}
      {done && (
        <div className="notice notice--success" role="status">
          {done}
        </div>
      )}
      {events.length === 0 ? (
        <p>
          {view.state === 'archived'
            ? 'Ärendet är arkiverat. Inget mer ska göras.'
            : 'Inget steg kan tas just nu: ärendet väntar på en tidsfrist eller en rapport.'}
        </p>
      ) : (
        <ul className="step-buttons">
          {events.map((type) => (
            <li key={type}>
              <button
                type="button"
                className={`button${chosen === type ? '' : ' button--secondary'}`}
                aria-pressed={chosen === type}
                onClick={() => choose(type)}
              >
                {EVENT_LABELS[type].action}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && form && (
        <div className="step-form">
          <h3 ref={formHeading} tabIndex={-1} id="step-form-title">
            {EVENT_LABELS[chosen].action}
          </h3>
          <Form
            key={chosen}
            id={`event-${chosen}`}
            refusal={refusal}
            labels={form.labels}
            onSubmit={submit}
            aria-labelledby="step-form-title"
          >
            <div onChange={() => setPreview(null)}>{form.fields(view)}</div>
            <p className="actions">
              <SubmitButton busy={tryOut.isPending} secondary={preview !== null}>
                Förhandsgranska
              </SubmitButton>
              <button type="button" className="button button--secondary" onClick={() => setChosen(null)}>
                Avbryt
              </button>
            </p>
          </Form>
          {preview && (
            <div className="preview" aria-labelledby="preview-title">
              <h4 id="preview-title" ref={previewHeading} tabIndex={-1}>
                Så här blir det om du bekräftar
              </h4>
              <p>
                {preview.dryRun.fromState === preview.dryRun.state &&
                preview.dryRun.fromSubState === preview.dryRun.subState ? (
                  <>
                    Ärendet stannar i läget <strong>{stateText(preview.dryRun.state, preview.dryRun.subState)}</strong>.
                  </>
                ) : (
                  <>
                    Ärendet går från {stateText(preview.dryRun.fromState, preview.dryRun.fromSubState)} till{' '}
                    <strong>{stateText(preview.dryRun.state, preview.dryRun.subState)}</strong>.
                  </>
                )}
              </p>
              <Preview dryRun={preview.dryRun} />
              <p className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={confirm.isPending}
                  onClick={() => confirm.mutate(preview)}
                >
                  {confirm.isPending ? 'Skickar …' : 'Bekräfta'}
                </button>
              </p>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
