import {
  ForbiddenException,
  HttpStatus,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { AuditRecord } from '../audit/audit-chain.js';
import { SignedInRefusals } from '../audit/signed-in-refusals.service.js';
import { requestFacts } from '../audit/request-facts.js';
import { UnauthenticatedRefusals } from '../audit/unauthenticated-refusals.service.js';
import type { Role } from '../common/actor.js';
import type { RequestWithActor } from '../common/current-actor.decorator.js';
import { NotFoundError } from '../common/domain-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CaseAccess } from './case-access.service.js';
import { cookieOf } from './cookies.js';
import {
  CASE_ID_PARAM_KEY,
  REACH_CHECKED_BY_COMMAND_KEY,
  REPLACED_SUPPORTER_KEY,
} from '../common/case-scoped.decorator.js';
import { PUBLIC_KEY, ROLES_KEY, TOKEN_COOKIE_KEY } from '../common/roles.decorator.js';
import { BrowserSessions } from './sessions/browser-sessions.js';
import { clearSessionCookie, sessionIdOf, type RequestWithSession } from './sessions/session-cookie.js';
import type { SignedInPerson } from './sessions/signed-in-person.js';
import { TokenVerifier, type Principal } from './token-verifier.service.js';

const TOKEN = /^[A-Za-z0-9._~+/=-]+$/;

/** Methods that change nothing: a cookie-authenticated request needs no CSRF token for them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function csrfHeaderOf(request: RequestWithSession): string | undefined {
  const value = request.headers['x-csrf-token'];
  return typeof value === 'string' ? value : undefined;
}

/** A browser session's person as the principal a token would name: the same actor, the same rules. */
function principalOf(person: SignedInPerson | undefined): Principal | undefined {
  return (
    person && {
      sub: person.subject,
      roles: person.roles,
      ...(person.supporterId ? { supporterId: person.supporterId } : {}),
    }
  );
}

/** The bearer token, or, on a route that accepts one, the token in the named cookie. */
function tokenOf(request: RequestWithActor, cookie: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(request.headers.authorization ?? '');
  if (match || cookie === undefined) return match?.[1];
  const value = cookieOf(request, cookie);
  return value !== undefined && TOKEN.test(value) ? value : undefined;
}

/**
 * Deny by default: a route is open without a token only when marked @Public(), and to a signed-in
 * user only when @Roles() names one of their roles; a route with neither is refused to everyone.
 * A signed-in user is one with a bearer token or, without one, a browser session's cookie; a
 * change made through the cookie must also carry the session's CSRF token (X-CSRF-Token).
 * Every refusal of a signed-in user is written to the audit trail before it is answered; requests
 * without a valid token are counted (UnauthenticatedRefusals).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
    private readonly cases: CaseAccess,
    private readonly refusals: SignedInRefusals,
    private readonly unauthenticated: UnauthenticatedRefusals,
    private readonly sessions: BrowserSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithSession>();
    const token = tokenOf(request, this.reflector.getAllAndOverride<string | undefined>(TOKEN_COOKIE_KEY, targets));
    const sessionId = token ? undefined : sessionIdOf(request, this.config);
    const principal = token
      ? await this.tokens.principalOf(token)
      : sessionId
        ? principalOf(await this.sessions.personOf(sessionId))
        : undefined;
    if (!principal) {
      this.unauthenticated.count(requestFacts(context, this.reflector).resource);
      const response = context.switchToHttp().getResponse<Response>();
      response.setHeader('WWW-Authenticate', 'Bearer');
      if (sessionId) {
        // The session has ended (idle, its limit, sign-out): the browser may drop the cookie.
        clearSessionCookie(response, this.config);
        throw new UnauthorizedException('Inloggningen har gått ut: logga in igen.');
      }
      throw new UnauthorizedException();
    }
    if (
      sessionId &&
      !SAFE_METHODS.has(request.method) &&
      !this.sessions.csrfTokenMatches(sessionId, csrfHeaderOf(request))
    ) {
      await this.refuse(context, HttpStatus.FORBIDDEN, {
        actorId: principal.sub,
        actorRole: principal.roles.join(',') || null,
      });
      throw new ForbiddenException(
        'Ändringen nekades: begäran saknar en giltig säkerhetstoken (X-CSRF-Token). Ladda om sidan och försök igen.',
      );
    }
    if (sessionId) request.browserSessionId = sessionId;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    const role = allowed.find((r) => principal.roles.includes(r));
    if (!role) {
      await this.refuse(context, HttpStatus.FORBIDDEN, {
        actorId: principal.sub,
        actorRole: principal.roles.join(',') || null,
      });
      throw new ForbiddenException();
    }
    request.actor = {
      id: principal.sub,
      role,
      ...(principal.supporterId ? { supporterId: principal.supporterId } : {}),
    };
    const caseParam = this.reflector.getAllAndOverride<string | undefined>(CASE_ID_PARAM_KEY, targets);
    const caseId = caseParam ? request.params[caseParam] : undefined;
    const checkedByCommand = this.reflector.getAllAndOverride<boolean>(REACH_CHECKED_BY_COMMAND_KEY, targets) ?? false;
    if (role === 'supporter' && typeof caseId === 'string' && !checkedByCommand) {
      const reach = await this.cases.reachOf(caseId, principal.supporterId);
      const replacedMay = this.reflector.getAllAndOverride<boolean>(REPLACED_SUPPORTER_KEY, targets) ?? false;
      if (!reach || (reach.kind === 'outgoing' && !replacedMay)) {
        // As if the case did not exist: a supporter learns nothing of other assignments.
        await this.refuse(context, HttpStatus.NOT_FOUND);
        throw new NotFoundError('case');
      }
      request.actor.reach = reach;
    }
    return true;
  }

  private refuse(
    context: ExecutionContext,
    status: HttpStatus,
    who: Partial<Pick<AuditRecord, 'actorId' | 'actorRole'>> = {},
  ): Promise<void> {
    return this.refusals.refused({ ...requestFacts(context, this.reflector), ...who, allowed: false, status });
  }
}
