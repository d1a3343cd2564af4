/** Dates and times as a Swedish unit writes them, in Swedish time: "1 mars 2027", "kl. 13.00". */
export const TIME_ZONE = 'Europe/Stockholm';

const DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const CLOCK = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const ISO_DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A calendar day `YYYY-MM-DD` (no time zone of its own). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return DAY.format(new Date(Date.UTC(y, m - 1, d, 12)));
}

export function formatTime(instant: string | Date): string {
  return `kl. ${CLOCK.format(new Date(instant)).replace(':', '.')}`;
}

/** An instant as its Swedish day and time: "1 mars 2027 kl. 13.00". */
export function formatInstant(instant: string | Date): string {
  return `${DAY.format(new Date(instant))} ${formatTime(instant)}`;
}

/** The Swedish calendar day of an instant, `YYYY-MM-DD`. */
export function swedishDay(instant: Date = new Date()): string {
  return ISO_DAY.format(instant);
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` has passed. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

export function daysLeftText(lastDay: string, today = swedishDay()): string {
  const days = daysBetween(today, lastDay);
  if (days < 0) return `slutade för ${-days} ${days === -1 ? 'dag' : 'dagar'} sedan`;
  if (days === 0) return 'sista dagen i dag';
  return `${days} ${days === 1 ? 'dag' : 'dagar'} kvar`;
}

/** How far Swedish time is ahead of UTC at `utcMs`, in minutes. */
function offsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(utcMs))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts ?? '');
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/**
 * A Swedish day and time (`YYYY-MM-DD`, `HH:MM`) as the instant the API takes:
 * `2026-11-20T09:30:00+01:00`.
 */
export function swedishInstant(day: string, time: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The offset at the wall time read as UTC is right except within an hour of a change; once more settles it.
  const offset = offsetMinutes(wall - offsetMinutes(wall) * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day}T${pad(hh)}:${pad(mm)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The current Swedish time of day, `HH:MM`, for a form's default. */
export function swedishClock(instant: Date = new Date()): string {
  return CLOCK.format(instant);
}
