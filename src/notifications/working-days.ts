import { DateTime } from 'luxon';

const ZONE = 'Europe/Stockholm';

/** Easter Sunday of a year (the Gregorian computus, Meeus/Jones/Butcher). */
function easterSunday(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.fromObject({ year, month, day }, { zone: ZONE });
}

/**
 * The weekdays a Swedish municipal office is closed: the public holidays, and the eves
 * (midsummer, Christmas, New Year) that collective agreements make free.
 */
function closedWeekdays(year: number): Set<string> {
  const easter = easterSunday(year);
  // Midsummer Eve is the Friday between 19 and 25 June.
  const june19 = DateTime.fromObject({ year, month: 6, day: 19 }, { zone: ZONE });
  const midsummerEve = june19.plus({ days: (5 - june19.weekday + 7) % 7 });
  const fixed = ['01-01', '01-06', '05-01', '06-06', '12-24', '12-25', '12-26', '12-31'].map((md) => `${year}-${md}`);
  const moving = [easter.minus({ days: 2 }), easter.plus({ days: 1 }), easter.plus({ days: 39 }), midsummerEve].map(
    (d) => d.toISODate()!,
  );
  return new Set([...fixed, ...moving]);
}

/** Whether the unit works on this Swedish calendar day (YYYY-MM-DD): Monday to Friday, not a holiday. */
export function isWorkingDay(day: string): boolean {
  const date = DateTime.fromISO(day, { zone: ZONE });
  return date.weekday <= 5 && !closedWeekdays(date.year).has(day);
}

/** The Swedish calendar day of an instant, and whether the given hour of it has begun. */
export function swedishDayAndHour(instant: Date): { day: string; hour: number } {
  const local = DateTime.fromJSDate(instant, { zone: ZONE });
  return { day: local.toISODate()!, hour: local.hour };
}
