import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Notice, Page } from '../../app/page';
import { answered, api } from '../../lib/api';
import type { SessionUser } from '../../lib/session';
import { SupporterDetails, type OnDecided } from '../supporters/SupportersPage';

/** "Att godkänna": the supporters waiting for the administrator's decision, with their vetting. */
export function ApprovalsPage({ user }: { user: SessionUser }) {
  const [decided, setDecided] = useState<string | null>(null);
  const waiting = useQuery({
    queryKey: ['supporters', { status: 'interested', limit: 100 }],
    queryFn: async () =>
      answered(await api.GET('/supporters', { params: { query: { status: 'interested', limit: 100 } } })),
  });
  const onDecided: OnDecided = (supporter, decision) =>
    setDecided(`${supporter.name} är ${decision === 'approved' ? 'godkänd' : 'avslagen'}.`);
  const supporters = waiting.data?.items ?? [];
  return (
    <Page
      title="Umgängesstödjare att godkänna"
      lead="Godkänn när alla steg i utredningen är gjorda: intervju, referenser och båda registerutdragen. Ett avslag behöver ett skäl."
    >
      {decided && <Notice kind="success">{decided}</Notice>}
      {waiting.isPending ? (
        <Loading />
      ) : supporters.length === 0 ? (
        <p role="status">Ingen umgängesstödjare väntar på beslut.</p>
      ) : (
        <ul className="cards">
          {supporters.map((supporter) => (
            <li key={supporter.id} className="card">
              <h2>{supporter.name}</h2>
              <SupporterDetails supporter={supporter} user={user} onDecided={onDecided} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
