import type { SessionUser } from '../lib/session';

/**
 * The app's addresses, in Swedish. src/web-app/web-app.ts answers the same ones with the app's
 * page; a new page's address is added in both places.
 */
export const paths = {
  today: '/',
  signIn: '/logga-in',
  register: '/registrera-dom',
  case: (id: string) => `/arenden/${encodeURIComponent(id)}`,
  supporters: '/umgangesstodjare',
  alerts: '/aviseringar',
  assignments: '/mina-uppdrag',
  compensation: '/mina-uppdrag/ersattning',
  assignment: (id: string) => `/mina-uppdrag/${encodeURIComponent(id)}`,
  unit: '/administration/enheten',
  approvals: '/administration/godkannande',
  archiving: '/administration/arkivering',
  disposal: '/administration/gallring',
  auditTrail: '/administration/granskningslogg',
} as const;

type Role = SessionUser['role'];

export interface NavItem {
  href: string;
  label: string;
}

/** The pages each role works in, in the order the navigation shows them. */
export const NAVIGATION: Record<Role, NavItem[]> = {
  secretary: [
    { href: paths.today, label: 'Att göra' },
    { href: paths.register, label: 'Registrera dom' },
    { href: paths.supporters, label: 'Umgängesstödjare' },
    { href: paths.alerts, label: 'Aviseringar' },
  ],
  administrator: [
    { href: paths.unit, label: 'Enheten' },
    { href: paths.approvals, label: 'Att godkänna' },
    { href: paths.archiving, label: 'Arkivering' },
    { href: paths.disposal, label: 'Gallring' },
    { href: paths.auditTrail, label: 'Granskningslogg' },
    { href: paths.supporters, label: 'Umgängesstödjare' },
  ],
  supporter: [
    { href: paths.assignments, label: 'Mina uppdrag' },
    { href: paths.compensation, label: 'Min ersättning' },
  ],
  developer: [],
};

/** The service's own pages outside the app, for the roles whose sign-in they accept. */
export const TOOLS: Record<Role, NavItem[]> = {
  secretary: [{ href: '/statistics/page', label: 'Statistik' }],
  administrator: [
    { href: '/statistics/page', label: 'Statistik' },
    { href: '/admin/queues', label: 'Köer och jobb' },
    { href: '/metrics', label: 'Mätvärden' },
  ],
  supporter: [],
  developer: [{ href: '/inspector', label: 'Inspektören' }],
};

/** Where each role lands after signing in: its first page, or the start page with its tools. */
export function homeOf(role: Role): string {
  return NAVIGATION[role][0]?.href ?? paths.today;
}

/** Which roles may open each page of the app. */
export const PAGE_ROLES = {
  today: ['secretary'],
  register: ['secretary'],
  case: ['secretary'],
  supporters: ['secretary', 'administrator'],
  alerts: ['secretary'],
  assignments: ['supporter'],
  administration: ['administrator'],
} as const satisfies Record<string, readonly Role[]>;
