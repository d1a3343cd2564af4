import { DateTime } from 'luxon';

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

/**
 * Bounds already worked out, by period: every change of a case asks again for the same few periods,
 * and time-zone arithmetic is among the dearest work on that path. Bounded, oldest out first.
 */
const knownBounds = new Map<string, PeriodBounds>();
const KNOWN_BOUNDS_MAX = 10_000;

export function periodBounds(periodStart: string, periodEnd: string): PeriodBounds {
  const key = `${periodStart}/${periodEnd}`;
  const known = knownBounds.get(key);
  if (known) return known;
  const bounds = Object.freeze(computePeriodBounds(periodStart, periodEnd));
  if (knownBounds.size >= KNOWN_BOUNDS_MAX) knownBounds.delete(knownBounds.keys().next().value!);
  knownBounds.set(key, bounds);
  return bounds;
}

function computePeriodBounds(periodStart: string, periodEnd: string): PeriodBounds {
  const start = swedishDay(periodStart);
  const end = swedishDay(periodEnd).plus({ days: 1 });
  const midpoint = DateTime.fromMillis((start.toMillis() + end.toMillis()) / 2, { zone: CASE_TIME_ZONE });
  return { startsAt: isoInstant(start), endsAt: isoInstant(end), midpointAt: isoInstant(midpoint) };
}

/** The start of a Swedish calendar day, as an instant. */
export function dayStartsAt(date: string): string {
  return isoInstant(swedishDay(date));
}

export function addDays(instant: string, days: number): string {
  return isoInstant(DateTime.fromISO(instant, { zone: CASE_TIME_ZONE }).plus({ days }));
}

export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: CASE_TIME_ZONE }).isValid;
}
