import type { CaseParty, Protection } from './case-party.entity.js';

/*
 * Skatteverket's two kinds of protected personal data, as the unit handles them (docs/protected-parties.md):
 * - skyddad folkbokföring: the party is registered at a cover address; the unit does not know where
 *   they live and writes to them only through the Tax Agency's forwarding service;
 * - sekretessmarkering: a warning in the register; the unit knows the address and writes to it
 *   directly, but never lets it reach the other party.
 * Where a parent has skyddad folkbokföring, or the secretary marked a risk, the other parent must
 * not learn where or when that parent will be: the parents are met one at a time.
 */

/** Whether letters to this party go through the Tax Agency's forwarding (only for skyddad folkbokföring). */
export function sentThroughForwarding(protection: Protection | null): boolean {
  return protection === 'skyddadFolkbokforing';
}

/** Whether this party's address may be shown beside the case at all (never for a protected party). */
export function addressShown(protection: Protection | null): boolean {
  return protection === null;
}

/** Whether the other parent must not learn where or when this party will be. */
export function whereaboutsProtected(party: Pick<CaseParty, 'protection' | 'meetingRisk'>): boolean {
  return party.protection === 'skyddadFolkbokforing' || party.meetingRisk;
}

/** Whether the parents are to be met one at a time: either parent's whereabouts are protected. */
export function separateMeetingsRequired(parties: Pick<CaseParty, 'role' | 'protection' | 'meetingRisk'>[]): boolean {
  return parties.some((party) => party.role !== 'child' && whereaboutsProtected(party));
}
