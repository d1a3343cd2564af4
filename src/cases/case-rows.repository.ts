import { Injectable } from '@nestjs/common';
import { Not, type EntityManager } from 'typeorm';
import { TableStatements, type SelectShape, type UpdateShape } from '../database/table-statements.js';
import type { CaseChange } from './case-effects.service.js';
import { CaseHistoryEntry } from './case-history-entry.entity.js';
import { CaseParty } from './case-party.entity.js';
import { CaseRecord } from './case-record.entity.js';

const BY_ID: SelectShape<CaseRecord> = { where: ['id'] };
/** The first key of the registrations' advisory locks; the second is the court case's hash (two-key locks never meet the audit chain's one-key lock). */
const REGISTRATION_LOCK_CLASS = 7_412_002;
const PARTIES_OF_CASE: SelectShape<CaseParty> = { where: ['caseId'] };
/** The columns a change of a case may write, over the version it was decided on; the judgment and the creation stay as registered. */
const CHANGE: UpdateShape<CaseRecord> = {
  set: ['machineVersion', 'state', 'subState', 'snapshot', 'supporterId', 'diaryNumber', 'version', 'updatedAt'],
  where: ['id', 'version'],
};

/**
 * The case aggregate's rows (case, parties, history) as the command path reads and writes them,
 * inside the caller's transaction. A case is never written without its history entry.
 */
@Injectable()
export class CaseRows {
  async load(manager: EntityManager, caseId: string): Promise<CaseRecord | null> {
    const [record] = await TableStatements.of(manager.connection, CaseRecord).select(manager, BY_ID, [caseId]);
    return record ?? null;
  }

  /** The case with its parties, for an answer that shows them: on PostgreSQL in one round trip. */
  async loadWithParties(
    manager: EntityManager,
    caseId: string,
  ): Promise<{ record: CaseRecord; parties: CaseParty[] } | null> {
    const cases = TableStatements.of(manager.connection, CaseRecord);
    const [found] = await cases.selectWithChildren(
      manager,
      BY_ID,
      [caseId],
      'id',
      TableStatements.of(manager.connection, CaseParty),
      'caseId',
    );
    return found ? { record: found[0], parties: found[1] } : null;
  }

  parties(manager: EntityManager, caseId: string): Promise<CaseParty[]> {
    return TableStatements.of(manager.connection, CaseParty).select(manager, PARTIES_OF_CASE, [caseId]);
  }

  /**
   * The open cases (not archived) registered for one court case, oldest first. On PostgreSQL the
   * registrations of one court case take turns first (a lock on its court and number, held to the
   * commit), so a judgment sent twice at once finds the first registration instead of missing it.
   */
  async openFor(manager: EntityManager, court: string, courtCaseNumber: string): Promise<string[]> {
    if (manager.connection.options.type === 'postgres') {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        REGISTRATION_LOCK_CLASS,
        `${court}\n${courtCaseNumber}`,
      ]);
    }
    const open = await manager.find(CaseRecord, {
      select: { id: true },
      where: { court, courtCaseNumber, state: Not('archived') },
      order: { createdAt: 'ASC' },
    });
    return open.map((row) => row.id);
  }

  /** A new case: its row, its parties and the history entry of its registration. */
  async insert(manager: EntityManager, change: CaseChange, parties: CaseParty[]): Promise<void> {
    await TableStatements.of(manager.connection, CaseRecord).insert(manager, [change.record]);
    await TableStatements.of(manager.connection, CaseParty).insert(manager, parties);
    await TableStatements.of(manager.connection, CaseHistoryEntry).insert(manager, [historyEntry(change)]);
  }

  /**
   * Writes the changed case over its row as it stood at `expectedVersion`, with the change's
   * history entry. False when another process moved the case in between (PostgreSQL): then
   * nothing is written.
   */
  async replace(manager: EntityManager, change: CaseChange, expectedVersion: number): Promise<boolean> {
    const changed = CHANGE.set.map((column) => change.record[column]);
    const history = TableStatements.of(manager.connection, CaseHistoryEntry);
    const written = await TableStatements.of(manager.connection, CaseRecord).updateThenInsert(
      manager,
      CHANGE,
      changed,
      [change.record.id, expectedVersion],
      history,
      historyEntry(change),
    );
    return written !== 0;
  }
}

/** A change's history entry: the event's payload, the states before and after, who and when. */
function historyEntry(change: CaseChange): Partial<CaseHistoryEntry> {
  const { type, at, ...payload } = change.event as { type: string; at: string } & Record<string, unknown>;
  return {
    caseId: change.record.id,
    version: change.record.version,
    type,
    payload,
    fromState: change.fromState,
    toState: change.record.state,
    at: new Date(at),
    actorId: change.actor.id,
    actorRole: change.actor.role,
  };
}
