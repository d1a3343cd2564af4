import { DateTime } from 'luxon';

/** The calendar day an instant falls on in Swedish time, the calendar the unit's dates are written in. */
export function swedishDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: 'Europe/Stockholm' }).toISODate()!;
}
