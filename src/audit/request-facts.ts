import { SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { CASE_ID_PARAM_KEY } from '../common/case-scoped.decorator.js';
import type { RequestWithActor } from '../common/current-actor.decorator.js';
import type { AuditRecord } from './audit-chain.js';
import { AUDITED_KEY, type AuditedOptions } from './audited.decorator.js';

const READ_WHEN_QUERY_KEY = 'audit:readWhenQuery';

/** A write route that only reads when this query parameter is 'true' (a dry run): audited as a read then. */
export const AuditedAsReadWhen = (queryParameter: string) => SetMetadata(READ_WHEN_QUERY_KEY, queryParameter);

function readByQuery(context: ExecutionContext, reflector: Reflector, query: unknown): boolean {
  const parameter = reflector.get<string | undefined>(READ_WHEN_QUERY_KEY, context.getHandler());
  return parameter !== undefined && (query as Record<string, unknown> | undefined)?.[parameter] === 'true';
}

export type RequestFacts = Pick<
  AuditRecord,
  'actorId' | 'actorRole' | 'caseId' | 'subject' | 'action' | 'resource' | 'ip'
>;

/**
 * What the route names besides the case: its last other parameter, as `document:<id>` for
 * `:documentId`, or after the word before it for `:id` (`supporter:<id>` for `/supporters/:id`).
 */
function subjectOf(routePath: string, params: Record<string, unknown>, caseParam: string): string | null {
  const names = [...routePath.matchAll(/:(\w+)/g)].map((m) => m[1]).filter((name) => name !== caseParam);
  const name = names.at(-1);
  const value = name ? params[name] : undefined;
  if (!name || typeof value !== 'string') return null;
  const segments = routePath.split('/');
  const kind =
    name === 'id' ? (segments[segments.indexOf(':id') - 1] ?? 'item').replace(/s$/, '') : name.replace(/Id$/, '');
  return `${kind}:${value}`;
}

/** The part of an audit entry the request itself tells: who, from where, which route, which case, what in it. */
export function requestFacts(context: ExecutionContext, reflector: Reflector): RequestFacts {
  const request = context.switchToHttp().getRequest<RequestWithActor>();
  const targets = [context.getHandler(), context.getClass()];
  const param = reflector.getAllAndOverride<string | undefined>(CASE_ID_PARAM_KEY, targets);
  const options = reflector.getAllAndOverride<AuditedOptions | undefined>(AUDITED_KEY, targets);
  const caseParam = param ?? 'caseId';
  const caseId = request.params?.[caseParam];
  const routePath = (request.route as { path?: string } | undefined)?.path ?? '?';
  const reads =
    options?.reads ||
    request.method === 'GET' ||
    request.method === 'HEAD' ||
    readByQuery(context, reflector, request.query);
  return {
    actorId: request.actor?.id ?? null,
    actorRole: request.actor?.role ?? null,
    caseId: typeof caseId === 'string' ? caseId : null,
    subject: subjectOf(routePath, request.params ?? {}, caseParam),
    action: reads ? 'read' : 'write',
    resource: `${request.method} ${routePath}`,
    ip: request.ip ?? request.socket.remoteAddress ?? null,
  };
}

/** Whether the route concerns one case, so a created case's id can be taken from the answer. */
export function isCaseScoped(context: ExecutionContext, reflector: Reflector): boolean {
  return (
    reflector.getAllAndOverride<string | undefined>(CASE_ID_PARAM_KEY, [context.getHandler(), context.getClass()]) !==
    undefined
  );
}

/** How the route tells what its answer shows, item by item: from the answer (a list, a search), or by its handler (a CSV). */
export function shownBy(
  context: ExecutionContext,
  reflector: Reflector,
): Pick<AuditedOptions, 'shown' | 'shownToldByHandler'> {
  return (
    reflector.getAllAndOverride<AuditedOptions | undefined>(AUDITED_KEY, [context.getHandler(), context.getClass()]) ??
    {}
  );
}
