import personnummerModule from 'personnummer';
import { swedishDay } from './format';

/*
 * The API's own shape checks, made in the browser first so a mistake is shown at its field before
 * anything is sent. The API checks again and has the last word (its answer is shown the same way).
 */

const Personnummer = personnummerModule as unknown as { valid(value: string, options: object): boolean };

export function isPersonnummer(value: string): boolean {
  return Personnummer.valid(value, { allowCoordinationNumber: true, allowInterimNumber: false });
}

/** `YYYY-MM-DD`, a day that exists. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A time of day as a Swede types it, `13.00` or `13:00`, as `HH:MM`; undefined when it is not one. */
export function timeOfDay(value: string): string | undefined {
  const match = /^([01]?\d|2[0-3])[.:]([0-5]\d)$/.exec(value.trim());
  return match ? `${match[1].padStart(2, '0')}:${match[2]}` : undefined;
}

export const COURT_CASE_NUMBER = /^T \d{1,6}-\d{2}$/;
export const POSTAL_CODE = /^\d{3} ?\d{2}$/;
/** Control characters and bidirectional overrides, which the API refuses in a name. */
export const HIDDEN_CHARACTERS = /[\p{Cc}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

export function isFutureDay(day: string): boolean {
  return day > swedishDay();
}

/** Collects a form's field messages; `ok` when there are none. */
export class Checks {
  readonly fields: Record<string, string> = {};

  fail(field: string, message: string): void {
    this.fields[field] ??= message;
  }

  get ok(): boolean {
    return Object.keys(this.fields).length === 0;
  }

  required(field: string, value: string | undefined, message: string): value is string {
    if (value === undefined) this.fail(field, message);
    return value !== undefined;
  }

  name(field: string, value: string | undefined, message: string, maxLength = 120): void {
    if (!this.required(field, value, message)) return;
    if (value.length > maxLength) this.fail(field, `Namnet får vara högst ${maxLength} tecken.`);
    else if (HIDDEN_CHARACTERS.test(value)) this.fail(field, 'Namnet innehåller tecken som inte kan visas.');
  }

  date(field: string, value: string | undefined, { required, label }: { required: boolean; label: string }): void {
    if (value === undefined) {
      if (required) this.fail(field, `Ange ${label}.`);
      return;
    }
    if (!isCalendarDate(value)) this.fail(field, `Ange ${label} som ÅÅÅÅ-MM-DD, till exempel 2026-11-20.`);
  }

  /** A day and a time typed in two fields, as the instant the API takes. */
  instant(
    dayField: string,
    day: string | undefined,
    timeField: string,
    time: string | undefined,
    label: string,
  ): { day: string; time: string } | undefined {
    this.date(dayField, day, { required: true, label });
    const clock = time === undefined ? undefined : timeOfDay(time);
    if (time === undefined) this.fail(timeField, 'Ange klockslag, till exempel 13.00.');
    else if (!clock) this.fail(timeField, 'Ange klockslag som TT.MM, till exempel 13.00.');
    return day && isCalendarDate(day) && clock ? { day, time: clock } : undefined;
  }
}
