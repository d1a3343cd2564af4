export const ROLES = ['secretary', 'supporter', 'administrator', 'developer'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something: a signed-in user, or the system itself (a deadline firing). */
export interface Actor {
  id: string;
  role: Role | 'system';
  /** For a supporter: the supporter record they are. */
  supporterId?: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };
