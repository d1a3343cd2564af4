import type { DataSource } from 'typeorm';
import { CasesRepository } from './cases.repository.js';
import type { PersonnummerProtector } from '../personal-data/personnummer-protector.js';

const cases = new CasesRepository();

export interface RewrapOutcome {
  /** Parties whose personnummer was sealed under an older key and now is under the current one. */
  rewrapped: number;
  /** Parties looked at. */
  parties: number;
}

/**
 * Seals every stored personnummer under the current key (the first of PERSONAL_DATA_KEYS), a
 * batch per transaction, so an older key can be removed from the list once this has run. Rows
 * already under the current key are left alone: running it again changes nothing.
 */
export async function rewrapPersonnummer(
  dataSource: DataSource,
  protector: PersonnummerProtector,
  batchSize = 500,
): Promise<RewrapOutcome> {
  const outcome: RewrapOutcome = { rewrapped: 0, parties: 0 };
  let after = '';
  for (;;) {
    const batch = await cases.sealedPersonnummerAfter(dataSource, after, batchSize);
    if (batch.length === 0) return outcome;
    const stale = batch.filter((party) => !protector.isSealedUnderCurrentKey(party.personnummerCiphertext));
    await dataSource.transaction(async (manager) => {
      for (const party of stale) {
        const personnummerCiphertext = protector.seal(protector.open(party.personnummerCiphertext));
        await cases.resealPersonnummer(manager, party, personnummerCiphertext);
      }
    });
    outcome.rewrapped += stale.length;
    outcome.parties += batch.length;
    after = batch[batch.length - 1].id;
  }
}
