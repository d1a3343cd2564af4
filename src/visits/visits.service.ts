import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LogVisitEvent } from '../../machines/case-events.js';
import type { Actor } from '../common/actor.js';
import { Visit } from './visit.entity.js';

@Injectable()
export class VisitsService {
  /** Inside the LOG_VISIT transaction: files the visit beside the case. */
  async recordWithin(manager: EntityManager, caseId: string, visit: LogVisitEvent, actor: Actor, now: Date): Promise<void> {
    await manager.insert(Visit, {
      id: randomUUID(),
      caseId,
      occurredAt: new Date(visit.occurredAt),
      durationMinutes: visit.durationMinutes,
      outcome: visit.outcome,
      stopReason: visit.stopReason ?? null,
      notes: visit.notes ?? null,
      loggedAt: now,
      loggedBy: actor.id,
    });
  }

  listForCase(manager: EntityManager, caseId: string): Promise<Visit[]> {
    return manager.find(Visit, { where: { caseId }, order: { occurredAt: 'ASC', loggedAt: 'ASC' } });
  }
}
