import type { EntityManager } from 'typeorm';
import type { CaseChange } from './case-effects.service.js';
import type { CaseRecord } from './case-record.entity.js';

/**
 * How a dry run tells what an event would do: a look at the case's rows before the writes and
 * one after, both inside the transaction that is then rolled back.
 */
export interface DryRunProbe<B, A> {
  before(manager: EntityManager, record: CaseRecord): Promise<B>;
  after(manager: EntityManager, before: B, change: CaseChange): Promise<A>;
}

/**
 * Carries a dry run's answer out of the transaction it ran in: thrown, so the transaction
 * runner rolls every write back, and caught by the command path alone.
 */
export class DryRunRollback extends Error {
  constructor(readonly answer: unknown) {
    super('dry run: rolled back');
  }
}
