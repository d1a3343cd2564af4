import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { Loading, Notice, Page } from '../../app/page';
import { paths } from '../../app/routes';
import { DateField, Form, SubmitButton, TextField, textOf } from '../../components/form';
import { answered, api, type Schemas } from '../../lib/api';
import { Checks, isCalendarDate } from '../../lib/checks';
import { formatInstant, swedishInstant } from '../../lib/format';
import { ROLE_LABELS } from '../../lib/labels';
import type { Refusal } from '../../lib/refusals';

type Entry = Schemas['AuditEntryResponse'];

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the trail records under a name of its own, not a route. */
const RESOURCE_LABELS: Record<string, string> = {
  'DISPOSE case file (gallring)': 'Gallring av ärendets akt',
};

/** The search as the page's address keeps it: a case id, a username and days, never a personnummer. */
export interface AuditSearch {
  caseId?: string;
  userId?: string;
  from?: string;
  to?: string;
  page?: number;
}

const SEARCH_NAMES = { caseId: 'arende', userId: 'person', from: 'fran', to: 'till', page: 'sida' } as const;

export function auditSearch(search: AuditSearch): string {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(SEARCH_NAMES)) {
    const value = search[key as keyof AuditSearch];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params.toString();
}

function searchOf(query: string): AuditSearch {
  const params = new URLSearchParams(query);
  const text = (key: keyof typeof SEARCH_NAMES) => params.get(SEARCH_NAMES[key]) ?? undefined;
  const page = Number(text('page') ?? '1');
  return {
    caseId: text('caseId'),
    userId: text('userId'),
    from: text('from'),
    to: text('to'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** A Swedish day's first and last moment, as the instants the API filters on. */
function dayStarts(day: string): string {
  return swedishInstant(day, '00:00');
}
function dayEnds(day: string): string {
  return new Date(Date.parse(swedishInstant(day, '23:59')) + 59_999).toISOString();
}

export function AuditEntries({ entries, caption }: { entries: Entry[]; caption: string }) {
  if (entries.length === 0) return <p>Inga poster.</p>;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nr</th>
            <th scope="col">Tid</th>
            <th scope="col">Vem</th>
            <th scope="col">Ärende</th>
            <th scope="col">Vad</th>
            <th scope="col">Utfall</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td>{entry.seq}</td>
              <td className="nowrap">{formatInstant(entry.at)}</td>
              <td>
                {entry.user.id ?? 'Okänd'}
                {entry.user.role && (
                  <span className="meta"> ({ROLE_LABELS[entry.user.role]?.toLowerCase() ?? entry.user.role})</span>
                )}
              </td>
              <td>
                {entry.caseId ? (
                  <Link className="nowrap" href={`${paths.auditTrail}?${auditSearch({ caseId: entry.caseId })}`}>
                    <span className="visually-hidden">Sök på ärende </span>
                    {entry.caseId.slice(0, 8)}
                  </Link>
                ) : (
                  '–'
                )}
              </td>
              <td>
                {entry.action === 'read' ? 'Läsning' : 'Ändring'}:{' '}
                {RESOURCE_LABELS[entry.resource] ?? <code>{entry.resource}</code>}
                {entry.subject && (
                  <>
                    {' '}
                    <code>{entry.subject}</code>
                  </>
                )}
              </td>
              <td>{entry.allowed ? `Tillåten (${entry.status})` : `Nekad (${entry.status})`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChainVerification() {
  const verification = useQuery({
    queryKey: ['audit', 'verification'],
    queryFn: async () => answered(await api.GET('/audit/verification')),
    staleTime: 0,
  });
  return (
    <section aria-labelledby="chain-title" className="panel">
      <h2 id="chain-title">Kontroll av kedjan</h2>
      <p>
        Varje post i loggen är låst till posten före med en kontrollsumma. Kontrollen läser hela loggen och visar om
        någon post har ändrats, tagits bort eller lagts till utanför tjänsten.
      </p>
      {verification.isPending || verification.isFetching ? (
        <Loading what="Kontrollerar" />
      ) : verification.data ? (
        <Notice kind={verification.data.intact ? 'success' : 'warning'}>
          <strong>{verification.data.summary}</strong> Kontrollerad {formatInstant(verification.data.checkedAt)}.
        </Notice>
      ) : (
        <Notice kind="warning">Kontrollen kunde inte göras. Försök igen om en stund.</Notice>
      )}
      <button
        type="button"
        className="button button--secondary"
        disabled={verification.isFetching}
        onClick={() => void verification.refetch()}
      >
        Kontrollera igen
      </button>
    </section>
  );
}

function SearchForm({ search, onSearch }: { search: AuditSearch; onSearch: (search: AuditSearch) => void }) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const submit = (data: FormData) => {
    const checks = new Checks();
    const caseId = textOf(data, 'caseId');
    if (caseId && !UUID.test(caseId))
      checks.fail('caseId', 'Ange ärendets id, till exempel 3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b.');
    const from = textOf(data, 'from');
    const to = textOf(data, 'to');
    checks.date('from', from, { required: false, label: 'första dagen' });
    checks.date('to', to, { required: false, label: 'sista dagen' });
    if (from && to && isCalendarDate(from) && isCalendarDate(to) && to < from)
      checks.fail('to', 'Sista dagen kan inte ligga före första dagen.');
    if (!checks.ok) return setRefusal({ fields: checks.fields, error: undefined });
    setRefusal(null);
    onSearch({ caseId: caseId?.toLowerCase(), userId: textOf(data, 'userId'), from, to, page: 1 });
  };
  return (
    <Form
      id="audit-search"
      refusal={refusal}
      labels={{ caseId: 'Ärende', userId: 'Person', from: 'Från och med', to: 'Till och med' }}
      onSubmit={submit}
      className="filter-form"
      aria-labelledby="audit-search-title"
    >
      <h2 id="audit-search-title" className="visually-hidden">
        Sök i granskningsloggen
      </h2>
      <TextField
        name="caseId"
        label="Ärende"
        hint="Ärendets id."
        defaultValue={search.caseId}
        className="input--case-id"
        spellCheck={false}
      />
      <TextField
        name="userId"
        label="Person"
        hint="Användarnamnet, till exempel anna."
        defaultValue={search.userId}
        spellCheck={false}
      />
      <DateField name="from" label="Från och med" hint="ÅÅÅÅ-MM-DD" defaultValue={search.from} />
      <DateField name="to" label="Till och med" hint="ÅÅÅÅ-MM-DD" defaultValue={search.to} />
      <SubmitButton secondary>Sök</SubmitButton>
    </Form>
  );
}

/** "Granskningslogg": who read or changed what, newest first, by case, person or days; and the chain's check. */
export function AuditPage() {
  const [, navigate] = useLocation();
  const search = searchOf(useSearch());
  const page = search.page ?? 1;
  const go = (next: AuditSearch) => navigate(`${paths.auditTrail}?${auditSearch(next)}`);
  const entries = useQuery({
    queryKey: ['audit', 'entries', search],
    queryFn: async () =>
      answered(
        await api.GET('/audit', {
          params: {
            query: {
              order: 'newest',
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
              ...(search.caseId ? { caseId: search.caseId } : {}),
              ...(search.userId ? { userId: search.userId } : {}),
              ...(search.from && isCalendarDate(search.from) ? { from: dayStarts(search.from) } : {}),
              ...(search.to && isCalendarDate(search.to) ? { to: dayEnds(search.to) } : {}),
            },
          },
        }),
      ),
  });
  const total = entries.data?.total ?? 0;
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(page * PAGE_SIZE, total);
  return (
    <Page
      title="Granskningslogg"
      lead="Vem som läst eller ändrat vad, det senaste först. Sök på ärende, person eller dagar."
    >
      <ChainVerification />
      <SearchForm key={auditSearch(search)} search={search} onSearch={go} />
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <Notice kind="warning">Sökningen kunde inte göras. Kontrollera uppgifterna och försök igen.</Notice>
      ) : (
        <section aria-labelledby="entries-title">
          <h2 id="entries-title">Poster</h2>
          <p role="status">
            {total === 0 ? 'Inga poster matchar sökningen.' : `Visar ${first}–${last} av ${total} poster.`}
          </p>
          <AuditEntries entries={entries.data.items} caption="Poster i granskningsloggen" />
          {total > PAGE_SIZE && (
            <nav aria-label="Sidor" className="actions">
              {page > 1 && (
                <Link href={`${paths.auditTrail}?${auditSearch({ ...search, page: page - 1 })}`}>Nyare poster</Link>
              )}{' '}
              {last < total && (
                <Link href={`${paths.auditTrail}?${auditSearch({ ...search, page: page + 1 })}`}>Äldre poster</Link>
              )}
            </nav>
          )}
        </section>
      )}
    </Page>
  );
}
