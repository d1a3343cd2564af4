import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { CASE_ID_PARAM_KEY } from '../auth/case-scoped.decorator.js';
import type { RequestWithActor } from '../common/current-actor.decorator.js';
import type { AuditRecord } from './audit-trail.service.js';

const READ_WHEN_QUERY_KEY = 'audit:readWhenQuery';

/** A write route that only reads when this query parameter is 'true' (a dry run): audited as a read then. */
export const AuditedAsReadWhen = (queryParameter: string) => SetMetadata(READ_WHEN_QUERY_KEY, queryParameter);

function readByQuery(context: ExecutionContext, reflector: Reflector, query: unknown): boolean {
  const parameter = reflector.get<string | undefined>(READ_WHEN_QUERY_KEY, context.getHandler());
  return parameter !== undefined && (query as Record<string, unknown> | undefined)?.[parameter] === 'true';
}

/** The part of an audit entry the request itself tells: who, from where, which route, which case. */
export function requestFacts(
  context: ExecutionContext,
  reflector: Reflector,
): Pick<AuditRecord, 'actorId' | 'actorRole' | 'caseId' | 'action' | 'resource' | 'ip'> {
  const request = context.switchToHttp().getRequest<RequestWithActor>();
  const param = reflector.getAllAndOverride<string | undefined>(CASE_ID_PARAM_KEY, [context.getHandler(), context.getClass()]);
  const caseId = request.params?.[param ?? 'caseId'];
  return {
    actorId: request.actor?.id ?? null,
    actorRole: request.actor?.role ?? null,
    caseId: typeof caseId === 'string' ? caseId.slice(0, 36) : null,
    action: request.method === 'GET' || request.method === 'HEAD' || readByQuery(context, reflector, request.query) ? 'read' : 'write',
    resource: `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? '?'}`.slice(0, 200),
    ip: (request.ip ?? request.socket.remoteAddress ?? null)?.slice(0, 64) ?? null,
  };
}

/** Whether the route concerns one case, so a created case's id can be taken from the answer. */
export function isCaseScoped(context: ExecutionContext, reflector: Reflector): boolean {
  return reflector.getAllAndOverride<string | undefined>(CASE_ID_PARAM_KEY, [context.getHandler(), context.getClass()]) !== undefined;
}
