import type { VisitOutcome } from '../../machines/case-events.js';

/** Visits the supporter attended: held, stopped, or waited for a parent who never came. A cancelled one is not paid. */
export const COMPENSATED_OUTCOMES: readonly VisitOutcome[] = ['completed', 'stopped', 'noShow'];

export interface Rates {
  ratePerHourOre: number;
  ratePerVisitOre: number;
}

/** A month's pay in öre: a fee per visit plus the hours at the hourly rate, rounded to the öre once. */
export function compensationOre(visits: number, minutes: number, rates: Rates): number {
  return visits * rates.ratePerVisitOre + Math.round((minutes * rates.ratePerHourOre) / 60);
}

/** `123450` öre as `1234.50`. */
export function sekOf(ore: number): string {
  return `${Math.trunc(ore / 100)}.${String(ore % 100).padStart(2, '0')}`;
}
