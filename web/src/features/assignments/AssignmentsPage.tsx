import { Page } from '../../app/page';

/** The supporter's own pages (Mina uppdrag, Logga besök, Skriv rapport) come with issue 29. */
export function AssignmentsPage() {
  return (
    <Page title="Mina uppdrag">
      <p>
        Här kommer du att se dina uppdrag, logga besök och skriva rapporter. Tills vidare lämnar du rapporten till
        familjerättssekreteraren som förut.
      </p>
    </Page>
  );
}
