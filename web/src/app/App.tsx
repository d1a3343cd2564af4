import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { ApiError } from '../lib/api';
import { SESSION_KEY, useSession, type SessionUser } from '../lib/session';
import { SignInPage } from '../features/auth/SignInPage';
import { TodayPage } from '../features/today/TodayPage';
import { RegisterPage } from '../features/register/RegisterPage';
import { CasePage } from '../features/case/CasePage';
import { SupportersPage } from '../features/supporters/SupportersPage';
import { AlertsPage } from '../features/alerts/AlertsPage';
import { AssignmentPage, AssignmentsPage } from '../features/assignments/AssignmentsPage';
import { CompensationPage } from '../features/assignments/CompensationPage';
import { UnitPage } from '../features/administration/UnitPage';
import { ApprovalsPage } from '../features/administration/ApprovalsPage';
import { ArchivingPage } from '../features/administration/ArchivingPage';
import { DisposalPage } from '../features/administration/DisposalPage';
import { AuditPage } from '../features/administration/AuditPage';
import { Layout } from './Layout';
import { Loading, Page } from './page';
import { PAGE_ROLES, TOOLS, homeOf, paths } from './routes';

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that ended (idle timeout, signed out in another tab) sends the user to sign in again.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(SESSION_KEY, null);
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

function Allowed({ user, roles, children }: { user: SessionUser; roles: readonly string[]; children: ReactNode }) {
  if (roles.includes(user.role)) return <>{children}</>;
  return (
    <Page title="Du har inte behörighet">
      <p>Sidan är inte till för din roll. Använd menyn för att komma till dina sidor.</p>
    </Page>
  );
}

/** Where sign-in was asked for: an address of this app only, never another site. */
function returnAddress(search: string): string | undefined {
  const back = new URLSearchParams(search).get('tillbaka');
  return back && back.startsWith('/') && !back.startsWith('//') ? back : undefined;
}

/** For a role with no page of its own in the app (the developer): the service's pages it may open. */
function ToolsPage({ user }: { user: SessionUser }) {
  return (
    <Page title="Verktyg">
      <ul>
        {TOOLS[user.role].map((tool) => (
          <li key={tool.href}>
            <a href={tool.href}>{tool.label}</a>
          </li>
        ))}
      </ul>
    </Page>
  );
}

function SignedInRoutes({ user }: { user: SessionUser }) {
  const search = useSearch();
  return (
    <Switch>
      <Route path={paths.signIn}>
        <Redirect to={returnAddress(search) ?? homeOf(user.role)} replace />
      </Route>
      <Route path={paths.today}>
        {user.role === 'secretary' ? (
          <TodayPage user={user} />
        ) : homeOf(user.role) !== paths.today ? (
          <Redirect to={homeOf(user.role)} replace />
        ) : (
          <ToolsPage user={user} />
        )}
      </Route>
      <Route path={paths.register}>
        <Allowed user={user} roles={PAGE_ROLES.register}>
          <RegisterPage />
        </Allowed>
      </Route>
      <Route path="/arenden/:id">
        {(params) => (
          <Allowed user={user} roles={PAGE_ROLES.case}>
            <CasePage id={params.id} user={user} />
          </Allowed>
        )}
      </Route>
      <Route path={paths.supporters}>
        <Allowed user={user} roles={PAGE_ROLES.supporters}>
          <SupportersPage user={user} />
        </Allowed>
      </Route>
      <Route path={paths.alerts}>
        <Allowed user={user} roles={PAGE_ROLES.alerts}>
          <AlertsPage />
        </Allowed>
      </Route>
      <Route path={paths.assignments}>
        <Allowed user={user} roles={PAGE_ROLES.assignments}>
          <AssignmentsPage />
        </Allowed>
      </Route>
      <Route path={paths.compensation}>
        <Allowed user={user} roles={PAGE_ROLES.assignments}>
          <CompensationPage />
        </Allowed>
      </Route>
      <Route path="/mina-uppdrag/:id">
        {(params) => (
          <Allowed user={user} roles={PAGE_ROLES.assignments}>
            <AssignmentPage id={params.id} />
          </Allowed>
        )}
      </Route>
      <Route path={paths.unit}>
        <Allowed user={user} roles={PAGE_ROLES.administration}>
          <UnitPage />
        </Allowed>
      </Route>
      <Route path={paths.approvals}>
        <Allowed user={user} roles={PAGE_ROLES.administration}>
          <ApprovalsPage user={user} />
        </Allowed>
      </Route>
      <Route path={paths.archiving}>
        <Allowed user={user} roles={PAGE_ROLES.administration}>
          <ArchivingPage />
        </Allowed>
      </Route>
      <Route path={paths.disposal}>
        <Allowed user={user} roles={PAGE_ROLES.administration}>
          <DisposalPage />
        </Allowed>
      </Route>
      <Route path={paths.auditTrail}>
        <Allowed user={user} roles={PAGE_ROLES.administration}>
          <AuditPage />
        </Allowed>
      </Route>
      <Route>
        <Page title="Sidan finns inte">
          <p>Kontrollera adressen, eller gå tillbaka till startsidan via menyn.</p>
        </Page>
      </Route>
    </Switch>
  );
}

function Routes() {
  const session = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (session.isPending) return <Loading what="Laddar" />;
  const user = session.data ?? null;
  if (!user) {
    if (location !== paths.signIn) {
      const back = location === '/' ? '' : `?tillbaka=${encodeURIComponent(location + (search ? `?${search}` : ''))}`;
      return <Redirect to={`${paths.signIn}${back}`} replace />;
    }
    return (
      <Layout user={null}>
        <SignInPage />
      </Layout>
    );
  }
  return (
    <Layout user={user}>
      <SignedInRoutes user={user} />
    </Layout>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Routes />
    </QueryClientProvider>
  );
}
