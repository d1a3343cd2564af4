import { describe, expect, it } from '@jest/globals';
import { CASE_MACHINE_VERSION, caseMachine } from '../../machines/case-machine.js';
import { persist, restore, startCase } from '../../machines/case-decisions.js';
import { contactSupportV1 } from '../../machines/contact-support-v1.js';
import { migrateToCurrent, needsMigration } from '../../machines/migrations.js';
import { MACHINE_VERSIONS, machineFor } from '../../machines/registry.js';
import { definitionHash } from '../support/machine-definition.js';

/**
 * The definition of every shipped version, pinned. A shipped version is never edited: when this
 * test fails, the change belongs in a new version beside it in the registry, with a migration.
 * (The @1 figure was taken from the code as shipped, before @2 existed.)
 */
const SHIPPED: Record<string, string> = {
  'contactSupport@1': '4990adc35ff6dae444abb35b18f46f258203867cfbd86ecf76672202d8844e6d',
  'contactSupport@2': '265ba2ff5c556070062eff6f7392794f43f865fb9fce84eba7dec5248241cbc0',
};

describe('shipped machine versions', () => {
  it.each(Object.entries(SHIPPED))('keeps %s exactly as it was shipped', (version, hash) => {
    expect(definitionHash(machineFor(version))).toBe(hash);
  });

  it('registers every shipped version and pins every registered one', () => {
    expect([...MACHINE_VERSIONS].sort()).toEqual(Object.keys(SHIPPED).sort());
  });

  it('names the version in the current machine id', () => {
    expect(caseMachine.id).toBe(CASE_MACHINE_VERSION);
  });

  it('moves an open @1 case to the current version with its state and context unchanged', () => {
    const v1 = contactSupportV1 as unknown as typeof caseMachine;
    const stored = persist(startCase(v1, { judgment: JUDGMENT, registeredAt: '2026-11-10T09:00:00.000Z' }));
    expect(needsMigration('contactSupport@1', stored)).toBe(true);
    const migrated = migrateToCurrent('contactSupport@1', stored);
    expect(migrated).toEqual({
      version: CASE_MACHINE_VERSION,
      persisted: stored,
      path: ['contactSupport@1', CASE_MACHINE_VERSION],
    });
    expect(restore(caseMachine, migrated.persisted).can({ type: 'PERIOD_ENDED', at: '2027-11-16T00:00:00.000Z' })).toBe(
      true,
    );
  });

  it('leaves an archived @1 case on @1: nothing changes an archived case', () => {
    expect(
      needsMigration('contactSupport@1', {
        value: 'archived',
        context: { judgment: JUDGMENT, registeredAt: '2026-11-10T09:00:00.000Z', visitCount: 0 },
      }),
    ).toBe(false);
  });
});

const JUDGMENT = {
  court: 'Göteborgs tingsrätt',
  courtCaseNumber: 'T 1234-26',
  judgmentDate: '2026-11-02',
  periodStart: '2026-11-16',
  periodEnd: '2027-11-15',
  periodEndSetByCourt: true,
  evaluationRequested: false,
};
