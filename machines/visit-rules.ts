import { DateTime } from 'luxon';
import type { CaseContext } from './case-context.js';
import { CASE_TIME_ZONE, periodBounds } from './period.js';
import { remembered } from './remembered.js';

export interface VisitTimeProblem {
  rule: 'visitWithinPeriod' | 'visitAfterVisitsStarted';
  message: string;
}

const swedishDayOf = remembered(
  (instant: string) => instant,
  (instant: string): string => DateTime.fromISO(instant, { zone: CASE_TIME_ZONE }).toISODate()!,
);

/**
 * Whether a visit at `occurredAt` can have been part of the assignment: within the period the
 * court set (up to an early end, where there was one) and not before the day visits started. A
 * visit logged late is fine; an impossible one is refused.
 */
export function visitTimeProblem(context: CaseContext, occurredAt: string): VisitTimeProblem | null {
  const at = Date.parse(occurredAt);
  const { startsAt, endsAt } = periodBounds(context.judgment.periodStart, context.judgment.periodEnd);
  if (at < Date.parse(startsAt)) {
    return {
      rule: 'visitWithinPeriod',
      message: `occurredAt must not be before the period starts (${context.judgment.periodStart})`,
    };
  }
  if (at >= Date.parse(endsAt)) {
    return {
      rule: 'visitWithinPeriod',
      message: `occurredAt must not be after the period's last day (${context.judgment.periodEnd})`,
    };
  }
  const { closing } = context;
  if (closing?.cause === 'endedEarly' && at > Date.parse(closing.startedAt)) {
    return {
      rule: 'visitWithinPeriod',
      message: `occurredAt must not be after the support ended early (${closing.startedAt})`,
    };
  }
  const startDay = visitsStartDay(context);
  if (startDay && swedishDayOf(occurredAt) < startDay) {
    return { rule: 'visitAfterVisitsStarted', message: `occurredAt must not be before visits started (${startDay})` };
  }
  return null;
}

/**
 * The Swedish day visits started: the day the copies of the enrollment form and rules went out
 * (START_VISITS records it), or the day START_VISITS was recorded where that came first. A
 * secretary who records the start a few days late must not lose the first visits' reports.
 */
function visitsStartDay(context: CaseContext): string | null {
  if (!context.visitsStartedAt) return null;
  const recorded = swedishDayOf(context.visitsStartedAt);
  const copiesSent = context.documentCopiesSentAt ? swedishDayOf(context.documentCopiesSentAt) : recorded;
  return copiesSent < recorded ? copiesSent : recorded;
}
