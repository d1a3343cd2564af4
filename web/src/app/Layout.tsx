import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ROLE_LABELS } from '../lib/labels';
import { useSignOut, type SessionUser } from '../lib/session';
import { NAVIGATION, TOOLS, paths } from './routes';

function isCurrent(href: string, location: string): boolean {
  return href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`);
}

export function Layout({ user, children }: { user: SessionUser | null; children: ReactNode }) {
  const [location, navigate] = useLocation();
  const signOut = useSignOut();
  const leave = () => signOut.mutate(undefined, { onSettled: () => navigate(paths.signIn) });
  const navigation = user ? NAVIGATION[user.role] : [];
  const tools = user ? TOOLS[user.role] : [];
  // The deepest item that holds the address is the current one (Min ersättning lies under Mina uppdrag).
  const current = navigation
    .filter((item) => isCurrent(item.href, location))
    .reduce<string | undefined>(
      (deepest, item) => (item.href.length > (deepest?.length ?? 0) ? item.href : deepest),
      undefined,
    );
  return (
    <>
      <a className="skip-link" href="#main">
        Gå till innehållet
      </a>
      <header className="header">
        <div className="container header__inner">
          <div className="header__service">
            <span className="header__name">Umgängesstöd</span>
            <span className="header__unit">Familjerätten</span>
          </div>
          {user && (
            <div className="header__user">
              <span>
                {user.name} <span className="header__role">({ROLE_LABELS[user.role]})</span>
              </span>
              <button type="button" className="button--link-on-dark" onClick={leave} disabled={signOut.isPending}>
                Logga ut
              </button>
            </div>
          )}
        </div>
        {navigation.length > 0 && (
          <nav className="navigation" aria-label="Huvudmeny">
            <ul className="container">
              {navigation.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={item.href === current ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="container main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="container">
          {tools.length > 0 && (
            <nav aria-label="Verktyg">
              <ul className="footer__links">
                {tools.map((tool) => (
                  <li key={tool.href}>
                    <a href={tool.href}>{tool.label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <p>Socialnämnden, familjerätten. Uppgifterna i ärendena omfattas av sekretess (OSL 26 kap.).</p>
        </div>
      </footer>
    </>
  );
}
