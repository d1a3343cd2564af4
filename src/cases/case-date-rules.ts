import { DateTime } from 'luxon';
import type { CaseContext } from '../../machines/case-context.js';
import { CASE_TIME_ZONE } from '../../machines/period.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { said } from '../common/said.js';

/**
 * The dates a secretary records must fit the case and the clock: what happened cannot lie in the
 * future, nor before the judgment that started the case, nor before the step it follows. Each
 * refusal is a 422 naming the field and the rule, raised before anything is written.
 */

/** The Swedish calendar day of an instant, or a calendar day as it is. */
export function dayOf(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return DateTime.fromISO(value, { setZone: true }).setZone(CASE_TIME_ZONE).toISODate()!;
}

/** `1 mars 2027`, as the secretary reads a day. */
function spoken(value: string): string {
  return DateTime.fromISO(dayOf(value), { zone: CASE_TIME_ZONE }).setLocale('sv').toFormat('d MMMM yyyy');
}

const isInstant = (value: string) => value.includes('T');

/** What happened: not after now (an instant), or not after today (a calendar day). */
export function requireNotInFuture(field: string, value: string, now: Date, rule: string, what: string): void {
  const future = isInstant(value) ? Date.parse(value) > now.getTime() : value > dayOf(now.toISOString());
  if (future)
    throw new BusinessRuleError(
      rule,
      said(`${what} kan inte ligga i framtiden.`, `${field} must not be in the future`),
      field,
    );
}

/** Not on a day before `earliest` (compared as Swedish calendar days). */
export function requireNotBeforeDay(
  field: string,
  value: string,
  earliest: string,
  rule: string,
  message: (earliestDay: string) => string,
): void {
  if (dayOf(value) < dayOf(earliest))
    throw new BusinessRuleError(
      rule,
      said(message(spoken(earliest)), `${field} must not be before ${dayOf(earliest)}`),
      field,
    );
}

/** Not before the instant `earliest` (where both are times of day, the order within the day counts). */
export function requireNotBefore(
  field: string,
  value: string,
  earliest: string,
  rule: string,
  message: (earliestDay: string) => string,
): void {
  if (Date.parse(value) < Date.parse(earliest))
    throw new BusinessRuleError(
      rule,
      said(message(spoken(earliest)), `${field} must not be before ${earliest}`),
      field,
    );
}

/** A decision (appointment, replacement, termination): made, and not before the judgment it carries out. */
export function checkDecisionDate(field: string, value: string, context: CaseContext, now: Date): void {
  requireNotInFuture(field, value, now, 'decisionNotInFuture', 'Beslutsdatum');
  requireNotBeforeDay(
    field,
    value,
    context.judgment.judgmentDate,
    'decisionAfterJudgment',
    (day) => `Beslutet kan inte vara fattat före domen (${day}).`,
  );
}

/** A meeting recorded as held: it has taken place, and not before the judgment. */
export function checkHeldMeeting(field: string, value: string, context: CaseContext, now: Date): void {
  requireNotInFuture(field, value, now, 'meetingHeldNotInFuture', 'Ett hållet möte');
  requireNotBeforeDay(
    field,
    value,
    context.judgment.judgmentDate,
    'meetingAfterJudgment',
    (day) => `Mötet kan inte ha hållits före domen (${day}).`,
  );
}

/**
 * Something recorded in the case's file (a consent, a child interview): within the case's life,
 * from the judgment on and not in the future.
 */
export function checkWithinCaseLife(field: string, value: string, context: CaseContext, now: Date, what: string): void {
  requireNotInFuture(field, value, now, 'withinCaseLife', what);
  requireNotBeforeDay(
    field,
    value,
    context.judgment.judgmentDate,
    'withinCaseLife',
    (day) => `${what} kan inte ligga före domen (${day}).`,
  );
}
