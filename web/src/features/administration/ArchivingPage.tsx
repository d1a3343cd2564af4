import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Loading, Notice, Page } from '../../app/page';
import { Form, SubmitButton } from '../../components/form';
import { answered, api, type Schemas } from '../../lib/api';
import { Checks } from '../../lib/checks';
import { formatDay } from '../../lib/format';
import { refusalOf, type Refusal } from '../../lib/refusals';
import { stateText } from '../../lib/state-text';
import { EVENT_FORMS } from '../case/event-forms';

type CaseSummary = Schemas['CaseSummaryResponse'];

/** The states a case is handed over for archiving in (docs/routine.md): ARCHIVE is taken there. */
const HANDED_OVER = ['evaluated', 'closing'] as const;

const ARCHIVE_FORM = EVENT_FORMS.ARCHIVE;

const HANDED_OVER_KEY = ['cases', 'handed-over'] as const;

/** The one confirmed action: the decision's time, then "Arkivera ärendet" sends ARCHIVE with the version seen. */
function ArchiveForm({
  summary,
  onArchived,
  onCancel,
}: {
  summary: CaseSummary;
  onArchived: (text: string) => void;
  onCancel: () => void;
}) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const archive = useMutation({
    mutationFn: async (body: Schemas['ArchiveDto']) =>
      answered(
        await api.POST('/cases/{id}/events', {
          params: { path: { id: summary.id }, query: {}, header: { 'If-Match': `"${summary.version}"` } },
          body,
        }),
      ) as Schemas['AdministratorCaseResponse'],
    onSuccess: (archived) => {
      const disposal = archived.retention
        ? ` Akten gallras tidigast ${formatDay(archived.retention.disposalDate)}.`
        : '';
      onArchived(`Ärende ${summary.courtCaseNumber} är arkiverat.${disposal}`);
      void client.invalidateQueries({ queryKey: HANDED_OVER_KEY });
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const submit = (data: FormData) => {
    const checks = new Checks();
    const body = ARCHIVE_FORM.body(data, checks) as Schemas['ArchiveDto'];
    if (!checks.ok) return setRefusal({ fields: checks.fields, error: undefined });
    archive.mutate(body);
  };
  const id = `archive-${summary.id}`;
  return (
    <div className="step-form">
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Arkivera ärende {summary.courtCaseNumber}
      </h3>
      <p>
        Arkiveringen går inte att ångra: ärendet ändras aldrig mer, och tiden till gallring börjar räknas. Kontrollera
        att akten är komplett.
      </p>
      <Form id={id} refusal={refusal} labels={ARCHIVE_FORM.labels} onSubmit={submit} aria-labelledby={`${id}-heading`}>
        {ARCHIVE_FORM.fields()}
        <p className="actions">
          <SubmitButton busy={archive.isPending}>Arkivera ärendet</SubmitButton>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Avbryt
          </button>
        </p>
      </Form>
    </div>
  );
}

/** "Arkivering": the cases handed over for archiving (closing or evaluated), each archived with one confirmed action. */
export function ArchivingPage() {
  const [chosen, setChosen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const cases = useQuery({
    queryKey: HANDED_OVER_KEY,
    queryFn: async () => {
      const pages = await Promise.all(
        HANDED_OVER.map(async (state) =>
          answered(await api.GET('/cases', { params: { query: { state, limit: 200 } } })),
        ),
      );
      return pages.flatMap((page) => page.items);
    },
  });
  const choose = (id: string | null) => {
    setDone(null);
    setChosen(id);
  };
  return (
    <Page
      title="Arkivering"
      lead="Ärenden som är avslutade eller utvärderade och väntar på att arkiveras. Ett ärende kan arkiveras när avslutningsmötet är hållet (om umgänget hann börja), utvärderingen är skickad om tingsrätten begärt en och varje rapport har kommit in."
    >
      {done && <Notice kind="success">{done}</Notice>}
      {cases.isPending ? (
        <Loading />
      ) : (cases.data?.length ?? 0) === 0 ? (
        <p role="status">Inget ärende väntar på arkivering.</p>
      ) : (
        <ul className="cards">
          {cases.data!.map((summary) => (
            <li key={summary.id} className="card">
              <h2>Ärende {summary.courtCaseNumber}</h2>
              <dl className="summary-list">
                <div>
                  <dt>Tingsrätt</dt>
                  <dd>{summary.court}</dd>
                </div>
                <div>
                  <dt>Läge</dt>
                  <dd>{stateText(summary.state, summary.subState)}</dd>
                </div>
                <div>
                  <dt>Period</dt>
                  <dd>
                    {formatDay(summary.periodStart)} – {formatDay(summary.periodEnd)}
                  </dd>
                </div>
              </dl>
              {chosen === summary.id ? (
                <ArchiveForm
                  summary={summary}
                  onArchived={(text) => {
                    setChosen(null);
                    setDone(text);
                  }}
                  onCancel={() => choose(null)}
                />
              ) : (
                <button type="button" className="button button--secondary" onClick={() => choose(summary.id)}>
                  Arkivera<span className="visually-hidden"> ärende {summary.courtCaseNumber}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
