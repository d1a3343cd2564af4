import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { Loading, Notice, Page } from '../../app/page';
import { paths } from '../../app/routes';
import { answered, api, type Schemas } from '../../lib/api';
import { formatDay, formatInstant } from '../../lib/format';
import { refusalOf } from '../../lib/refusals';
import { AuditEntries, auditSearch } from './AuditPage';

type Done = Schemas['DisposalDoneResponse'];

const KEPT_REASONS: Record<Schemas['KeptCaseResponse']['reason'], string> = {
  researchSample:
    'Sparas för forskning: en part är född en dag i månaden som arkivplanen sparar (den 5, 15 eller 25 om inget annat är bestämt).',
};

/** A case id is long; its first part tells the cases on one page apart. */
function shortId(caseId: string): string {
  return caseId.slice(0, 8);
}

/** What the run removed, and its entries in the audit trail. */
function DisposalDone({ done }: { done: Done }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The disposal's entry is the newest of each case it removed: nothing reads a case after it is gone.
  const entries = useQuery({
    queryKey: ['audit', 'disposal', done.items.map((stub) => stub.caseId)],
    queryFn: async () => {
      const pages = await Promise.all(
        done.items.map(async (stub) =>
          answered(await api.GET('/audit', { params: { query: { caseId: stub.caseId, order: 'newest', limit: 5 } } })),
        ),
      );
      return pages.flatMap((page) => page.items).filter((entry) => entry.resource.startsWith('DISPOSE'));
    },
  });
  return (
    <section aria-labelledby="disposal-done" className="panel panel--primary">
      <h2 id="disposal-done" ref={heading} tabIndex={-1}>
        Gallringen är gjord
      </h2>
      <p>
        {done.total === 0
          ? 'Inget ärende gallrades.'
          : `${done.total} ${done.total === 1 ? 'ärende gallrades' : 'ärenden gallrades'}. Kvar finns bara en anonym uppgift för statistiken.`}
      </p>
      <h3>I granskningsloggen</h3>
      {entries.isPending ? <Loading /> : <AuditEntries entries={entries.data ?? []} caption="Gallringens poster" />}
      {done.items.map((stub) => (
        <p key={stub.caseId}>
          <Link href={`${paths.auditTrail}?${auditSearch({ caseId: stub.caseId })}`}>
            Hela granskningsloggen för ärende {shortId(stub.caseId)}
          </Link>
        </p>
      ))}
    </section>
  );
}

/** "Gallring": what a disposal removes and what it keeps, first; the run after a confirmation; its audit entry after. */
export function DisposalPage() {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const due = useQuery({
    queryKey: ['disposals', 'due'],
    queryFn: async () => answered(await api.GET('/disposals/due')),
  });
  const run = useMutation({
    mutationFn: async () => answered(await api.POST('/disposals', { body: { dryRun: false } })) as Done,
    onSuccess: (result) => {
      setConfirming(false);
      setDone(result);
      void client.invalidateQueries({ queryKey: ['disposals'] });
    },
  });
  const goes = due.data?.items ?? [];
  const stays = due.data?.kept ?? [];
  return (
    <Page
      title="Gallring"
      lead="Arkiverade ärenden vars gallringsdag har passerat. Först visas vad som skulle gallras och vad som sparas; inget tas bort förrän du bekräftar."
    >
      {done && <DisposalDone done={done} />}
      {run.isError && <Notice kind="warning">{refusalOf(run.error).general ?? 'Gallringen kunde inte göras.'}</Notice>}
      {due.isPending ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="goes-title">
            <h2 id="goes-title">Gallras ({goes.length})</h2>
            {goes.length === 0 ? (
              <p>Inget ärende ska gallras nu.</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="goes-title" tabIndex={0}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Ärende</th>
                      <th scope="col">Arkiverat</th>
                      <th scope="col">Gallringsdag</th>
                      <th scope="col">E-post som tas bort</th>
                    </tr>
                  </thead>
                  <tbody>
                    {goes.map((item) => (
                      <tr key={item.caseId}>
                        <td className="nowrap">{shortId(item.caseId)}</td>
                        <td>{formatInstant(item.archivedAt)}</td>
                        <td>{formatDay(item.disposalDate)}</td>
                        <td>{item.notificationMails.length}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="stays-title">
            <h2 id="stays-title">Sparas ({stays.length})</h2>
            {stays.length === 0 ? (
              <p>Inget ärende som passerat sin gallringsdag sparas.</p>
            ) : (
              <ul className="cards">
                {stays.map((item) => (
                  <li key={item.caseId} className="card">
                    <h3>Ärende {shortId(item.caseId)}</h3>
                    <p>
                      Gallringsdag {formatDay(item.disposalDate)}. {KEPT_REASONS[item.reason]}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {goes.length > 0 &&
            (confirming ? (
              <div className="preview" aria-labelledby="confirm-title">
                <h2 id="confirm-title">Bekräfta gallringen</h2>
                <p>
                  {goes.length === 1 ? 'Ärendet' : `De ${goes.length} ärendena`} tas bort med alla personuppgifter,
                  dokument och filer. Det går inte att ångra.
                </p>
                <p className="actions">
                  <button
                    type="button"
                    className="button button--warning"
                    disabled={run.isPending}
                    onClick={() => run.mutate()}
                  >
                    {run.isPending ? 'Gallrar …' : `Gallra ${goes.length} ${goes.length === 1 ? 'ärende' : 'ärenden'}`}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                    Avbryt
                  </button>
                </p>
              </div>
            ) : (
              <p>
                <button type="button" className="button" onClick={() => setConfirming(true)}>
                  Gallra …
                </button>
              </p>
            ))}
        </>
      )}
    </Page>
  );
}
