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
