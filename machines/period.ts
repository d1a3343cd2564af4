import { DateTime } from 'luxon';
import { remembered } from './remembered.js';

/** The unit works in Swedish time: a judgment's dates are Swedish calendar days. */
export const CASE_TIME_ZONE = 'Europe/Stockholm';

export interface PeriodBounds {
  /** The start of `periodStart`, Swedish time. */
  startsAt: string;
  /** The start of the day after `periodEnd` (the last day with support), Swedish time. */
  endsAt: string;
  /** Half way between `startsAt` and `endsAt`. */
  midpointAt: string;
}

function swedishDay(date: string): DateTime {
  const day = DateTime.fromISO(date, { zone: CASE_TIME_ZONE });
  if (!day.isValid) throw new RangeError(`not a calendar date: ${date}`);
  return day.startOf('day');
}

function isoDate(day: DateTime): string {
  return day.toISODate() as string;
}

function isoInstant(day: DateTime): string {
  return day.toUTC().toISO() as string;
}

/** The last day of a period that runs `capMonths` from its start (one year: 2026-11-16 → 2027-11-15). */
export function lastDayWithinCap(periodStart: string, capMonths: number): string {
  return isoDate(swedishDay(periodStart).plus({ months: capMonths }).minus({ days: 1 }));
}

/** Where the judgment sets no end, the period runs one year from its start. */
export function defaultPeriodEnd(periodStart: string): string {
  return lastDayWithinCap(periodStart, 12);
}

export function exceedsCap(periodStart: string, periodEnd: string, capMonths: number): boolean {
  return swedishDay(periodEnd) > swedishDay(lastDayWithinCap(periodStart, capMonths));
}

export const periodBounds = remembered(
  (periodStart: string, periodEnd: string) => `${periodStart}/${periodEnd}`,
  (periodStart: string, periodEnd: string): PeriodBounds => {
    const start = swedishDay(periodStart);
    const end = swedishDay(periodEnd).plus({ days: 1 });
    const midpoint = DateTime.fromMillis((start.toMillis() + end.toMillis()) / 2, { zone: CASE_TIME_ZONE });
    return Object.freeze({ startsAt: isoInstant(start), endsAt: isoInstant(end), midpointAt: isoInstant(midpoint) });
  },
);

/** The start of a Swedish calendar day, as an instant. */
export function dayStartsAt(date: string): string {
  return isoInstant(swedishDay(date));
}

export const addDays = remembered(
  (instant: string, days: number) => `${instant}+${days}`,
  (instant: string, days: number): string =>
    isoInstant(DateTime.fromISO(instant, { zone: CASE_TIME_ZONE }).plus({ days })),
);

export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: CASE_TIME_ZONE }).isValid;
}
