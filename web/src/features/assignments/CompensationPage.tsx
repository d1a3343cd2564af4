import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Notice, Page } from '../../app/page';
import { answered, api } from '../../lib/api';
import { swedishDay } from '../../lib/format';

const MONTH_NAME = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** This month and the eleven before it, newest first, as YYYY-MM (Swedish time). */
function recentMonths(): string[] {
  const [year, month] = swedishDay().split('-').map(Number);
  return Array.from({ length: 12 }, (_, back) => {
    const at = new Date(Date.UTC(year, month - 1 - back, 15));
    return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

function monthName(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return MONTH_NAME.format(new Date(Date.UTC(year, m - 1, 15)));
}

/** "Min ersättning": the signed-in supporter's own visits, hours and pay for a month (the API answers only theirs). */
export function CompensationPage() {
  const months = recentMonths();
  const [month, setMonth] = useState(months[0]);
  const compensation = useQuery({
    queryKey: ['compensation', month],
    queryFn: async () => answered(await api.GET('/compensation', { params: { query: { month } } })),
  });
  const line = compensation.data?.items[0];
  return (
    <Page title="Min ersättning">
      <div className="field">
        <label htmlFor="compensation-month">Månad</label>
        <select id="compensation-month" value={month} onChange={(event) => setMonth(event.target.value)}>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthName(m)}
            </option>
          ))}
        </select>
      </div>
      {compensation.isPending && <Loading what="Hämtar ersättningen" />}
      {compensation.isError && <Notice kind="warning">Ersättningen kunde inte hämtas. Försök igen om en stund.</Notice>}
      {compensation.data && (
        <dl className="summary-list" aria-label={`Ersättning för ${monthName(month)}`}>
          <div>
            <dt>Besök</dt>
            <dd>{line?.visits ?? 0}</dd>
          </div>
          <div>
            <dt>Timmar</dt>
            <dd>{(line?.hours ?? '0.00').replace('.', ',')}</dd>
          </div>
          <div>
            <dt>Ersättning</dt>
            <dd>{(line?.amountSek ?? '0.00').replace('.', ',')} kr</dd>
          </div>
        </dl>
      )}
      {compensation.data && (
        <p className="hint">
          Genomförda och avbrutna besök, och besök där föräldern inte kom, räknas. Ersättningen är{' '}
          {compensation.data.rates.perHour.replace('.', ',')} kr per timme och{' '}
          {compensation.data.rates.perVisit.replace('.', ',')} kr per besök.
        </p>
      )}
    </Page>
  );
}
