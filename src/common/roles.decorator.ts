import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiErrors, NoTokenNeeded } from './api-docs.js';
import type { Role } from './actor.js';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';
export const TOKEN_COOKIE_KEY = 'tokenCookie';

/**
 * Who may call a route. Deny by default: a route without a rule is refused to everyone. The API
 * document lists the guard's refusals with the rule: 401 without a valid token, 403 for another role.
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES_KEY, roles), ApiErrors(401, 403));

/** A route open without a token (health, the supporters' expression of interest). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), NoTokenNeeded());

/**
 * For pages a browser loads with its own requests (which cannot carry a bearer header): the token
 * may also come in this cookie. The rule (@Roles) is unchanged.
 */
export const TokenCookie = (name: string) => SetMetadata(TOKEN_COOKIE_KEY, name);
