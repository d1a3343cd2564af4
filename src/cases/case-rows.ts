import { Injectable } from '@nestjs/common';
import { Not, type EntityManager } from 'typeorm';
import type { CaseChange } from './case-effects.js';
import { CaseHistoryEntry } from './case-history-entry.entity.js';
import { CaseParty } from './case-party.entity.js';
import { CaseRecord } from './case-record.entity.js';

/** The columns a change of a case may write; the judgment and the creation stay as registered. */
type ChangedColumns = Pick<CaseRecord, 'machineVersion' | 'state' | 'subState' | 'snapshot' | 'supporterId' | 'diaryNumber' | 'version' | 'updatedAt'>;

/**
 * The case aggregate's rows (case, parties, history), read and written inside the caller's
 * transaction: the one place the command path's queries are built.
 */
@Injectable()
export class CaseRows {
  load(manager: EntityManager, caseId: string): Promise<CaseRecord | null> {
    return manager.findOneBy(CaseRecord, { id: caseId });
  }

  /** The open cases (not archived) registered for one court case, oldest first. */
  async openFor(manager: EntityManager, court: string, courtCaseNumber: string): Promise<string[]> {
    const open = await manager.find(CaseRecord, {
      select: { id: true },
      where: { court, courtCaseNumber, state: Not('archived') },
      order: { createdAt: 'ASC' },
    });
    return open.map((row) => row.id);
  }

  async insert(manager: EntityManager, record: CaseRecord, parties: CaseParty[]): Promise<void> {
    await manager.insert(CaseRecord, record);
    await manager.insert(CaseParty, parties);
  }

  /**
   * Writes `next` over the row as it stood at `expectedVersion`. False when another process moved
   * the case in between (PostgreSQL): then nothing is written.
   */
  async replace(manager: EntityManager, next: CaseRecord, expectedVersion: number): Promise<boolean> {
    const changed: ChangedColumns = {
      machineVersion: next.machineVersion,
      state: next.state,
      subState: next.subState,
      snapshot: next.snapshot,
      supporterId: next.supporterId,
      diaryNumber: next.diaryNumber,
      version: next.version,
      updatedAt: next.updatedAt,
    };
    const { affected } = await manager.update(CaseRecord, { id: next.id, version: expectedVersion }, changed);
    return affected !== 0;
  }

  /** The change's history entry: the event's payload, the states before and after, who and when. */
  async appendHistory(manager: EntityManager, change: CaseChange): Promise<void> {
    const { type, at, ...payload } = change.event as { type: string; at: string } & Record<string, unknown>;
    await manager.insert(CaseHistoryEntry, {
      caseId: change.record.id,
      version: change.record.version,
      type,
      payload,
      fromState: change.fromState,
      toState: change.record.state,
      at: new Date(at),
      actorId: change.actor.id,
      actorRole: change.actor.role,
    });
  }
}
