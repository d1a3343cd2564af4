import type { Role } from '../../common/actor.js';

/** Who a sign-in found: the same facts a bearer token carries, and the name shown to them. */
export interface SignedInPerson {
  /** The actor's id: the local username, or the provider's subject. */
  subject: string;
  name: string;
  roles: Role[];
  supporterId?: string;
}
