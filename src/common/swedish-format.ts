import { DateTime } from 'luxon';

const ZONE = 'Europe/Stockholm';

/** `24 november 2026`: a calendar day as a Swedish letter writes it. */
export function swedishDay(isoDateOrInstant: string): string {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(isoDateOrInstant)
    ? DateTime.fromISO(isoDateOrInstant, { zone: ZONE })
    : DateTime.fromISO(isoDateOrInstant).setZone(ZONE);
  return value.setLocale('sv').toFormat('d MMMM yyyy');
}

/** `tisdagen den 24 november 2026 kl. 13.00`, in Swedish time whatever zone the instant was given in. */
export function swedishMoment(instant: string): string {
  const value = DateTime.fromISO(instant).setZone(ZONE).setLocale('sv');
  return `${value.toFormat('cccc')}en den ${value.toFormat('d MMMM yyyy')} kl. ${value.toFormat('HH.mm')}`;
}

/** Names as Swedish lists them: `Alva, Nils och Ebba`. */
export function swedishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}

/** `1 inställt besök`, `2 inställda besök`: the number with the adjective agreeing with it (plural for 0). */
export function counted(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * Full names as a Swedish letter lists them: a shared surname is said once, `Alva och Nils Ödman`;
 * otherwise `Alva Ödman och Nils Berg`.
 */
export function swedishNames(names: string[]): string {
  const split = names.map((name) => name.trim().split(/\s+/));
  const surname = split[0]?.at(-1);
  const shared = names.length > 1 && split.every((words) => words.length > 1 && words.at(-1) === surname);
  if (!shared) return swedishList(names);
  return `${swedishList(split.map((words) => words.slice(0, -1).join(' ')))} ${surname}`;
}
