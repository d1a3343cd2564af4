import type { KeptBirthDays } from '../config/variables.js';

/*
 * Social services records of people born on the 5th, 15th or 25th of a month are not weeded: they
 * are kept for research (the exception to gallring in socialtjänstlagen, see docs/disposal.md).
 * A municipality's archive plan (dokumenthanteringsplan) may keep more: DISPOSAL_KEPT_BIRTH_DAYS.
 */

/**
 * The day of the month a person was born, from their twelve-digit personnummer. A
 * samordningsnummer adds 60 to the day.
 */
export function birthDayOf(personnummer: string): number {
  const day = Number(personnummer.replace(/\D/g, '').slice(6, 8));
  return day > 60 ? day - 60 : day;
}

/** Whether a case file concerning these people is kept for research instead of disposed of. */
export function keptForResearch(personnummer: string[], kept: KeptBirthDays): boolean {
  if (kept === 'all') return true;
  return personnummer.some((number) => kept.includes(birthDayOf(number)));
}
