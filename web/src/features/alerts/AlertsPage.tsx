import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { Page } from '../../app/page';
import { paths } from '../../app/routes';
import { answered, api } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { ALERT_LABELS } from '../../lib/labels';

type Status = 'open' | 'acknowledged' | 'resolved' | 'all';
const STATUS_LABELS: Record<Status, string> = { open: 'Öppna', acknowledged: 'Sedda', resolved: 'Lösta', all: 'Alla' };
const PAGE = 50;

/** The unit's alerts as an inbox: the oldest open one first; each links to its case. */
export function AlertsPage() {
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>('open');
  const [shown, setShown] = useState(PAGE);
  const alerts = useQuery({
    queryKey: ['alerts', status, shown],
    queryFn: async () => answered(await api.GET('/alerts', { params: { query: { status, limit: shown } } })),
  });
  const acknowledge = useMutation({
    mutationFn: async (id: string) =>
      answered(await api.POST('/alerts/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['alerts'] }),
  });
  return (
    <Page title="Aviseringar">
      <nav aria-label="Visa aviseringar" className="tabs">
        <ul>
          {(Object.keys(STATUS_LABELS) as Status[]).map((s) => (
            <li key={s}>
              <button type="button" className="tabs__tab" aria-pressed={status === s} onClick={() => setStatus(s)}>
                {STATUS_LABELS[s]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {alerts.isPending ? (
        <p role="status">Hämtar …</p>
      ) : (alerts.data?.items.length ?? 0) === 0 ? (
        <p role="status">Inga aviseringar.</p>
      ) : (
        <>
          <ul className="inbox">
            {alerts.data!.items.map((alert) => (
              <li key={alert.id} className={`inbox__item inbox__item--${alert.status}`}>
                <div>
                  <Link href={paths.case(alert.caseId)}>{ALERT_LABELS[alert.kind]}</Link>
                  <p className="meta">
                    {formatInstant(alert.raisedAt)}
                    {alert.acknowledgedAt &&
                      ` · sedd av ${alert.acknowledgedBy} ${formatInstant(alert.acknowledgedAt)}`}
                    {alert.resolvedAt && ` · löst ${formatInstant(alert.resolvedAt)}`}
                  </p>
                </div>
                {alert.status === 'open' && (
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
          <p className="meta">
            Visar {alerts.data!.items.length} av {alerts.data!.total}.
          </p>
          {alerts.data!.total > alerts.data!.items.length && (
            <button type="button" className="button button--secondary" onClick={() => setShown((n) => n + PAGE)}>
              Visa fler
            </button>
          )}
        </>
      )}
    </Page>
  );
}
