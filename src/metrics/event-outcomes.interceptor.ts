import {
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { catchError, type Observable } from 'rxjs';
import { CLIENT_EVENT_TYPES } from '../../machines/case-events.js';
import {
  BusinessRuleError,
  EventNotAllowedError,
  InvalidInputError,
  NotFoundError,
  StaleVersionError,
} from '../common/domain-errors.js';
import { Metrics, type EventOutcome } from './metrics.service.js';

function outcomeOf(error: unknown): EventOutcome {
  if (error instanceof EventNotAllowedError) return 'notAllowed';
  if (error instanceof StaleVersionError) return 'stale';
  if (error instanceof BusinessRuleError) return 'ruleBroken';
  if (error instanceof NotFoundError) return 'notFound';
  if (error instanceof InvalidInputError || (error as { status?: number }).status === 400) return 'invalid';
  return 'failed';
}

/**
 * Counts the events a route refused, by type and why; applied ones are counted from the
 * committed transition. A type that is no client event is counted as `unknown`, so a client
 * cannot grow the metric's label set.
 */
@Injectable()
export class EventOutcomeInterceptor implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const sent = (context.switchToHttp().getRequest<Request>().body as { type?: unknown } | undefined)?.type;
    const type = (CLIENT_EVENT_TYPES as readonly unknown[]).includes(sent) ? (sent as string) : 'unknown';
    return next.handle().pipe(
      catchError((error: unknown) => {
        this.metrics.event(type, outcomeOf(error));
        throw error;
      }),
    );
  }
}

/** On a route that takes a case event in its body: its refusals are counted in case_events_total. */
export const CountsEventOutcomes = () => UseInterceptors(EventOutcomeInterceptor);
