import { DateTime } from 'luxon';
import { said, type Said } from '../common/said.js';
import type { Supporter } from './supporter.entity.js';

export const VETTING_STEPS = ['interview', 'references', 'criminalRecordExtract', 'socialServicesExtract'] as const;
export type VettingStep = (typeof VETTING_STEPS)[number];

/** Where each vetting step's date is kept on the supporter. */
export const VETTING_STEP_COLUMN = {
  interview: 'interviewHeldOn',
  references: 'referencesTakenOn',
  criminalRecordExtract: 'criminalRecordExtractOn',
  socialServicesExtract: 'socialServicesExtractOn',
} as const satisfies Record<VettingStep, keyof Supporter>;

const STEP_WORDING: Record<VettingStep, Said> = {
  interview: said('lämplighetsintervjun har inte hållits', 'the assessment interview has not been held'),
  references: said('referenser har inte tagits', 'references have not been taken'),
  criminalRecordExtract: said('utdrag ur belastningsregistret saknas', 'no extract from the criminal records register'),
  socialServicesExtract: said(
    'utdrag ur socialtjänstens register saknas',
    'no extract from the social services records',
  ),
};

const EXTRACTS = ['criminalRecordExtract', 'socialServicesExtract'] as const;

/** An extract is recent enough while it is younger than `validMonths` (dated 2025-11-20, 12 months: through 2026-11-19). */
export function extractStillValid(extractOn: string, today: string, validMonths: number): boolean {
  return DateTime.fromISO(extractOn).plus({ months: validMonths }).toISODate()! > today;
}

/**
 * The last day both register extracts are still valid (the older one's last day), or null while
 * one is missing: a new extract is needed by then.
 */
export function vettingValidUntil(supporter: Supporter, validMonths: number): string | null {
  const dates = EXTRACTS.map((step) => supporter[VETTING_STEP_COLUMN[step]]);
  if (dates.some((date) => date === null)) return null;
  const oldest = (dates as string[]).sort()[0];
  return DateTime.fromISO(oldest).plus({ months: validMonths }).minus({ days: 1 }).toISODate()!;
}

/** Whether the extracts stop being valid within `days` of today (or already have): time to renew them. */
export function vettingExpiresWithin(validUntil: string | null, today: string, days: number): boolean {
  return validUntil !== null && validUntil < DateTime.fromISO(today).plus({ days }).toISODate()!;
}

/**
 * What keeps the vetting from being complete today: steps not taken, register extracts missing or
 * too old. Empty when the supporter may be approved (and, once approved, appointed).
 */
export function vettingGaps(supporter: Supporter, today: string, validMonths: number): Said[] {
  const gaps: Said[] = [];
  for (const step of VETTING_STEPS) {
    const on = supporter[VETTING_STEP_COLUMN[step]];
    if (on === null) gaps.push(STEP_WORDING[step]);
    else if ((EXTRACTS as readonly string[]).includes(step) && !extractStillValid(on, today, validMonths)) {
      gaps.push(
        said(
          `utdraget ur ${step === 'criminalRecordExtract' ? 'belastningsregistret' : 'socialtjänstens register'} från ${on} är äldre än ${validMonths} månader: ett nytt behövs`,
          `the ${step === 'criminalRecordExtract' ? 'criminal records' : 'social services records'} extract of ${on} is older than ${validMonths} months: a new one is needed`,
        ),
      );
    }
  }
  return gaps;
}

/** Why the supporter cannot be appointed today: not approved, or vetting incomplete or out of date. */
const STATUS_WORDS: Record<Supporter['status'], string> = {
  interested: 'intresseanmälan',
  approved: 'godkänd',
  rejected: 'avslagen',
};

export function appointmentGaps(supporter: Supporter, today: string, validMonths: number): Said[] {
  const status =
    supporter.status === 'approved'
      ? []
      : [
          said(
            `umgängesstödjaren är inte godkänd (läge: ${STATUS_WORDS[supporter.status]})`,
            `the supporter is not approved (status: ${supporter.status})`,
          ),
        ];
  return [...status, ...vettingGaps(supporter, today, validMonths)];
}
