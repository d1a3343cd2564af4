import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { WantedDeadline } from '../../machines/deadline-rules.js';
import { Deadline } from './deadline.entity.js';

function sameDeadline(row: Deadline, wanted: WantedDeadline): boolean {
  return row.kind === wanted.kind && row.dueAt.getTime() === Date.parse(wanted.dueAt);
}

@Injectable()
export class DeadlinesService {
  /**
   * Inside a case's transaction: makes its stored deadlines match what the rules want now.
   * A pending deadline no longer wanted is cancelled; a wanted one not yet stored (pending or
   * already fired) is added. Returns the added ones, to be handed to the queue after commit.
   */
  async alignWithin(manager: EntityManager, caseId: string, wanted: WantedDeadline[], now: Date): Promise<Deadline[]> {
    const existing = await manager.findBy(Deadline, { caseId, status: In(['pending', 'fired']) });
    const moot = existing.filter((row) => row.status === 'pending' && !wanted.some((w) => sameDeadline(row, w)));
    if (moot.length > 0) {
      await manager.update(Deadline, { id: In(moot.map((row) => row.id)) }, { status: 'cancelled', settledAt: now });
    }
    const added = wanted
      .filter((w) => !existing.some((row) => sameDeadline(row, w)))
      .map((w) =>
        Object.assign(new Deadline(), {
          id: randomUUID(),
          caseId,
          kind: w.kind,
          dueAt: new Date(w.dueAt),
          event: w.event ?? null,
          status: 'pending' as const,
          createdAt: now,
          settledAt: null,
        }),
      );
    if (added.length > 0) await manager.insert(Deadline, added);
    return added;
  }

  listForCase(manager: EntityManager, caseId: string): Promise<Deadline[]> {
    return manager.find(Deadline, { where: { caseId }, order: { dueAt: 'ASC', createdAt: 'ASC' } });
  }
}
