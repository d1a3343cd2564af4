import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { Page } from '../../app/page';
import { paths } from '../../app/routes';
import { Form, SelectField, SubmitButton, TextField, textOf } from '../../components/form';
import { answered, api, type Schemas } from '../../lib/api';
import { daysBetween, formatDay, formatInstant, swedishDay } from '../../lib/format';
import { ALERT_LABELS, CASE_STATES, DEADLINE_LABELS, STATE_LABELS, type CaseState } from '../../lib/labels';
import { refusalOf, type Refusal } from '../../lib/refusals';
import type { SessionUser } from '../../lib/session';
import { stateText } from '../../lib/state-text';
import { useStaff } from '../../lib/staff';

/** Everyone's cases, or one secretary's (the signed-in one's by default). */
const ALL = 'alla';

interface Filter {
  state?: CaseState;
  responsible?: string;
}

function useFilter(user: SessionUser): [Filter, (next: Filter) => void] {
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const state = search.get('lage');
  const responsible = search.get('ansvarig') ?? user.username;
  const filter: Filter = {
    state: CASE_STATES.includes(state as CaseState) ? (state as CaseState) : undefined,
    responsible: responsible === ALL ? undefined : responsible,
  };
  const change = (next: Filter) => {
    const query = new URLSearchParams();
    if (next.state) query.set('lage', next.state);
    query.set('ansvarig', next.responsible ?? ALL);
    navigate(`${paths.today}?${query}`);
  };
  return [filter, change];
}

function CaseLink({ id, court, courtCaseNumber }: { id: string; court: string; courtCaseNumber: string }) {
  return (
    <Link href={paths.case(id)}>
      {court}, mål {courtCaseNumber}
    </Link>
  );
}

function Deadlines({ responsible }: { responsible?: string }) {
  const deadlines = useQuery({
    queryKey: ['today', 'deadlines', responsible],
    queryFn: async () =>
      answered(
        await api.GET('/deadlines', {
          params: { query: { ...(responsible ? { responsibleSecretary: responsible } : {}), limit: 50 } },
        }),
      ),
  });
  // The moment the page was opened: what is overdue is judged against it, so rendering stays pure.
  const [now] = useState(() => Date.now());
  const today = swedishDay();
  return (
    <section aria-labelledby="today-deadlines" className="panel">
      <h2 id="today-deadlines">Tidsfrister</h2>
      {deadlines.isPending ? (
        <p role="status">Hämtar …</p>
      ) : (deadlines.data?.items.length ?? 0) === 0 ? (
        <p>Inga tidsfrister väntar.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Försenade och kommande tidsfrister, den närmaste först</caption>
          <thead>
            <tr>
              <th scope="col">Senast</th>
              <th scope="col">Vad</th>
              <th scope="col">Ärende</th>
            </tr>
          </thead>
          <tbody>
            {deadlines.data!.items.map((d) => {
              const overdue = Date.parse(d.dueAt) < now;
              const days = daysBetween(today, swedishDay(new Date(d.dueAt)));
              return (
                <tr key={d.id} className={overdue ? 'overdue' : undefined}>
                  <td>
                    {formatInstant(d.dueAt)}
                    <br />
                    {overdue ? (
                      <strong className="tag tag--red">Försenad</strong>
                    ) : (
                      <span className="meta">
                        {days === 0 ? 'i dag' : days === 1 ? 'i morgon' : `om ${days} dagar`}
                      </span>
                    )}
                  </td>
                  <td>{DEADLINE_LABELS[d.kind]}</td>
                  <td>
                    <CaseLink id={d.caseId} court={d.court} courtCaseNumber={d.courtCaseNumber} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function OpenAlerts({ responsible }: { responsible?: string }) {
  const alerts = useQuery({
    queryKey: ['today', 'alerts', responsible],
    queryFn: async () =>
      answered(
        await api.GET('/alerts', {
          params: {
            query: { status: 'open', limit: 50, ...(responsible ? { responsibleSecretary: responsible } : {}) },
          },
        }),
      ),
  });
  return (
    <section aria-labelledby="today-alerts" className="panel">
      <h2 id="today-alerts">Öppna aviseringar</h2>
      {alerts.isPending ? (
        <p role="status">Hämtar …</p>
      ) : (alerts.data?.items.length ?? 0) === 0 ? (
        <p>Inga öppna aviseringar.</p>
      ) : (
        <ul className="plain-list">
          {alerts.data!.items.map((alert) => (
            <li key={alert.id}>
              <Link href={paths.case(alert.caseId)}>{ALERT_LABELS[alert.kind]}</Link>
              <br />
              <span className="meta">Sedan {formatInstant(alert.raisedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {(alerts.data?.total ?? 0) > (alerts.data?.items.length ?? 0) && (
        <p>
          <Link href={paths.alerts}>Alla {alerts.data!.total} aviseringar</Link>
        </p>
      )}
    </section>
  );
}

function CasesByState({ filter }: { filter: Filter }) {
  const totals = useQuery({
    queryKey: ['today', 'states', filter.responsible],
    queryFn: async () =>
      answered(
        await api.GET('/cases/states', {
          params: { query: filter.responsible ? { responsibleSecretary: filter.responsible } : {} },
        }),
      ),
  });
  const cases = useQuery({
    queryKey: ['today', 'cases', filter],
    enabled: filter.state !== undefined,
    queryFn: async () =>
      answered(
        await api.GET('/cases', {
          params: {
            query: {
              state: filter.state,
              limit: 100,
              ...(filter.responsible ? { responsibleSecretary: filter.responsible } : {}),
            },
          },
        }),
      ),
  });
  const count = (state: CaseState) => totals.data?.items.find((t) => t.state === state)?.total ?? 0;
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const linkFor = (state: CaseState) => {
    const query = new URLSearchParams(search);
    query.set('lage', state);
    return `${paths.today}?${query}`;
  };
  return (
    <section aria-labelledby="today-states" className="panel">
      <h2 id="today-states">Ärenden per läge</h2>
      {totals.isPending ? (
        <p role="status">Hämtar …</p>
      ) : (
        <ul className="state-counts">
          {CASE_STATES.map((state) => (
            <li key={state}>
              <a
                href={linkFor(state)}
                aria-current={filter.state === state ? 'true' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(linkFor(state));
                }}
              >
                <span className="state-counts__number">{count(state)}</span> {STATE_LABELS[state]}
              </a>
            </li>
          ))}
        </ul>
      )}
      {filter.state && (
        <>
          <h3>{STATE_LABELS[filter.state]}</h3>
          {cases.isPending ? (
            <p role="status">Hämtar …</p>
          ) : (cases.data?.items.length ?? 0) === 0 ? (
            <p>Inga ärenden i det här läget.</p>
          ) : (
            <CaseTable cases={cases.data!.items} caption={`Ärenden i läget ${STATE_LABELS[filter.state]}`} />
          )}
        </>
      )}
    </section>
  );
}

function CaseTable({ cases, caption }: { cases: Schemas['CaseSummaryResponse'][]; caption: string }) {
  const staff = useStaff();
  const nameOf = (subject: string | null) =>
    subject === null ? '–' : (staff.data?.items.find((p) => p.subject === subject)?.name ?? subject);
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Ärende</th>
          <th scope="col">Läge</th>
          <th scope="col">Period</th>
          <th scope="col">Ansvarig</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id}>
            <td>
              <CaseLink id={c.id} court={c.court} courtCaseNumber={c.courtCaseNumber} />
            </td>
            <td>{stateText(c.state, c.subState)}</td>
            <td>
              {formatDay(c.periodStart)} – {formatDay(c.periodEnd)}
            </td>
            <td>{nameOf(c.responsibleSecretaryId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Search() {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const search = useMutation({
    mutationFn: async (text: string) => answered(await api.POST('/cases/search', { body: { text } })),
    onError: (error) => setRefusal(refusalOf(error)),
    onSuccess: () => setRefusal(null),
  });
  const submit = (data: FormData) => {
    const text = textOf(data, 'text');
    if (!text)
      return setRefusal({
        fields: { text: 'Skriv ett målnummer, diarienummer eller namn att söka efter.' },
        error: undefined,
      });
    search.mutate(text);
  };
  return (
    <section aria-labelledby="today-search" className="panel">
      <h2 id="today-search" className="visually-hidden">
        Sök ärende
      </h2>
      <Form id="search" refusal={refusal} labels={{ text: 'Sök' }} onSubmit={submit} className="search-form">
        <TextField
          name="text"
          label="Sök"
          hint="Målnummer (T 1234-26), diarienummer eller namn på ett barn eller en förälder."
          type="search"
        />
        <SubmitButton busy={search.isPending} secondary>
          Sök
        </SubmitButton>
      </Form>
      {search.data && (
        <div role="status">
          {search.data.items.length === 0 ? (
            <p>Inget ärende hittades.</p>
          ) : (
            <CaseTable cases={search.data.items} caption="Sökträffar" />
          )}
        </div>
      )}
    </section>
  );
}

function FilterForm({
  filter,
  onChange,
  user,
}: {
  filter: Filter;
  onChange: (next: Filter) => void;
  user: SessionUser;
}) {
  const staff = useStaff();
  const others = (staff.data?.items ?? []).filter((s) => s.subject !== user.username);
  const submit = (data: FormData) => {
    const state = textOf(data, 'state') as CaseState | undefined;
    const responsible = textOf(data, 'responsible');
    onChange({ state, responsible: responsible === ALL ? undefined : responsible });
  };
  return (
    <Form id="filter" onSubmit={submit} className="filter-form" aria-labelledby="filter-title">
      <h2 id="filter-title" className="visually-hidden">
        Urval
      </h2>
      <SelectField
        key={`responsible-${filter.responsible ?? ALL}-${others.length}`}
        name="responsible"
        label="Ansvarig familjerättssekreterare"
        defaultValue={filter.responsible ?? ALL}
        options={[
          [user.username, `Mina ärenden (${user.name})`],
          [ALL, 'Alla sekreterare'],
          ...others.map((s): [string, string] => [s.subject, s.name]),
        ]}
      />
      <SelectField
        key={`state-${filter.state ?? ''}`}
        name="state"
        label="Läge"
        defaultValue={filter.state ?? ''}
        options={[['', 'Alla lägen'], ...CASE_STATES.map((s): [string, string] => [s, STATE_LABELS[s]])]}
      />
      <SubmitButton secondary>Visa</SubmitButton>
    </Form>
  );
}

/** The secretary's day: what is overdue or coming, what the system has flagged, and where the cases stand. */
export function TodayPage({ user }: { user: SessionUser }) {
  const [filter, setFilter] = useFilter(user);
  return (
    <Page title="Att göra">
      <Search />
      <FilterForm filter={filter} onChange={setFilter} user={user} />
      <div className="columns">
        <Deadlines responsible={filter.responsible} />
        <OpenAlerts responsible={filter.responsible} />
      </div>
      <CasesByState filter={filter} />
    </Page>
  );
}
