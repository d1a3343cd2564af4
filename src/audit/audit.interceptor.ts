import {
  HttpException,
  HttpStatus,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA, SSE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { catchError, concatMap, from, ignoreElements, map, merge, Observable, shareReplay, throwError } from 'rxjs';
import { PUBLIC_KEY } from '../common/roles.decorator.js';
import { httpStatusOf } from '../common/domain-error.filter.js';
import { CaseOutOfReachError, DomainError } from '../common/domain-errors.js';
import type { AuditRecord } from './audit-chain.js';
import { AuditTrail } from './audit-trail.service.js';
import { AUDITED_BY_COMMAND_KEY } from './audited.decorator.js';
import { PendingAuditEntry, RequestAudit } from './request-audit.service.js';
import { SignedInRefusals } from './signed-in-refusals.service.js';
import { isCaseScoped, requestFacts, shownBy, type RequestFacts } from './request-facts.js';

/** Refusals of who-may-see-what; anything else (a 404, a 409) was an allowed attempt that failed. */
function outcomeOf(error: unknown): { status: number; allowed: boolean } {
  const status: number =
    error instanceof HttpException
      ? error.getStatus()
      : error instanceof DomainError
        ? httpStatusOf(error)
        : HttpStatus.INTERNAL_SERVER_ERROR;
  const refused =
    status === Number(HttpStatus.UNAUTHORIZED) ||
    status === Number(HttpStatus.FORBIDDEN) ||
    error instanceof CaseOutOfReachError;
  return { status, allowed: !refused };
}

/**
 * Every call to a protected route leaves an entry in the audit trail, and an answer goes out only
 * after its entries are written: no look at personal data escapes the trail, and when the trail
 * cannot be written the caller gets an error instead of the data. Routes answer through Nest (a
 * download as a StreamableFile), never by writing to the response themselves, so nothing is sent
 * before this point. Calls the access guard turned away are recorded (or counted) by the guard.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly trail: AuditTrail,
    private readonly requestAudit: RequestAudit,
    private readonly refusals: SignedInRefusals,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const handler = context.getHandler();
    if (
      context.getType() !== 'http' ||
      this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [handler, context.getClass()])
    ) {
      return next.handle();
    }
    const facts = requestFacts(context, this.reflector);
    // A stream (the inspector's live events) is recorded once, when it is opened. It listens at
    // once, so no event committed meanwhile is missed, but lets an event out only after the entry.
    if (this.reflector.get<boolean>(SSE_METADATA, handler)) {
      const recorded = from(this.trail.record({ ...facts, allowed: true, status: HttpStatus.OK })).pipe(shareReplay(1));
      return merge(
        recorded.pipe(ignoreElements()),
        (next.handle() as Observable<unknown>).pipe(concatMap((event) => recorded.pipe(map(() => event)))),
      );
    }
    const method = context.switchToHttp().getRequest<{ method: string }>().method;
    const status =
      this.reflector.get<number>(HTTP_CODE_METADATA, handler) ??
      (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    const scoped = isCaseScoped(context, this.reflector);
    const { shown, shownToldByHandler } = shownBy(context, this.reflector);
    const answered = { ...facts, allowed: true, status };
    const byCommand = this.reflector.get<boolean>(AUDITED_BY_COMMAND_KEY, handler) ?? false;
    const pending = byCommand || shownToldByHandler ? new PendingAuditEntry(answered, byCommand) : undefined;
    const handled = pending
      ? new Observable<unknown>((subscriber) =>
          this.requestAudit.run(pending, () => next.handle().subscribe(subscriber)),
        )
      : next.handle();
    return handled.pipe(
      catchError((error: unknown) => {
        const outcome = outcomeOf(error);
        const filed = outcome.allowed
          ? this.trail.record({ ...facts, ...outcome })
          : this.refusals.refused({ ...facts, ...outcome });
        return from(filed).pipe(concatMap(() => throwError(() => error)));
      }),
      concatMap(async (body: unknown) => {
        if (pending?.written) return body;
        const items = pending?.shown ?? (shown ? shown(body as never) : undefined);
        await this.trail.record(items ? entriesShown(answered, items) : withCreatedCase(answered, scoped, body));
        return body;
      }),
    );
  }
}

/** A case just registered has its id only in the answer. */
function withCreatedCase(record: AuditRecord, scoped: boolean, body: unknown): AuditRecord {
  const created = scoped && record.caseId === null ? (body as { id?: unknown } | undefined)?.id : undefined;
  return typeof created === 'string' ? { ...record, caseId: created } : record;
}

/** One entry per thing the answer shows; an answer that shows nothing still leaves one. */
function entriesShown(
  record: AuditRecord & RequestFacts,
  shown: { caseId?: string | null; subject?: string | null }[],
): AuditRecord[] {
  if (shown.length === 0) return [record];
  return shown.map((item) => ({
    ...record,
    caseId: item.caseId ?? record.caseId,
    subject: item.subject ?? record.subject,
  }));
}
