import type { CaseParty, Custody } from '../cases/case-party.entity.js';
import type { InterviewConsent, Guardian } from './interview-consent.entity.js';

/** Whose consent a child's interview needs: every parent who has custody of the child. */
export function guardiansOf(custody: Custody | null): Guardian[] {
  if (custody === 'residentParent' || custody === 'visitingParent') return [custody];
  return ['residentParent', 'visitingParent'];
}

/** Consents still standing (not withdrawn) for one child. */
export function standing(consents: InterviewConsent[], childPosition: number): InterviewConsent[] {
  return consents.filter((c) => c.childPosition === childPosition && c.withdrawnOn === null);
}

/** Every guardian with custody has consented and none has withdrawn. */
export function consentComplete(child: Pick<CaseParty, 'position' | 'custody'>, consents: InterviewConsent[]): boolean {
  const given = new Set(standing(consents, child.position).map((c) => c.guardian));
  return guardiansOf(child.custody).every((g) => given.has(g));
}
