export const ROLES = ['secretary', 'supporter', 'administrator', 'developer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * How a supporter reaches the case a request is about: as its supporter now (seeing it from
 * their appointment on), or as the one replaced, still reporting on their own visits until `until`.
 */
export type SupporterReach = { kind: 'current'; since: string } | { kind: 'outgoing'; until: string };

/** Who did something: a signed-in user, or the system itself (a deadline firing). */
export interface Actor {
  id: string;
  role: Role | 'system';
  /** For a supporter: the supporter record they are. */
  supporterId?: string;
  /** For a supporter on a case-scoped route: how they reach that case (set by the access guard). */
  reach?: SupporterReach;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };
