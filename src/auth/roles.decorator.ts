import { SetMetadata } from '@nestjs/common';
import type { Role } from '../common/actor.js';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';
export const TOKEN_COOKIE_KEY = 'tokenCookie';

/** Who may call a route. Deny by default: a route without a rule is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route open without a token (health, the supporters' expression of interest). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * For pages a browser loads with its own requests (which cannot carry a bearer header): the token
 * may also come in this cookie. The rule (@Roles) is unchanged.
 */
export const TokenCookie = (name: string) => SetMetadata(TOKEN_COOKIE_KEY, name);
