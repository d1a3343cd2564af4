import { Injectable } from '@nestjs/common';
import { In, LessThan, type EntityManager } from 'typeorm';
import { Alert } from '../alerts/alert.entity.js';
import { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import { DisposedCase } from '../disposal/disposed-case.entity.js';
import { Visit } from '../visits/visit.entity.js';

/**
 * What the statistics are counted from, everything before the period's end: the figures run from
 * the start (cases open at the period's start count too), so these read the history of these
 * kinds, the visits, the alerts and the disposed cases' stubs whole, once per request.
 */
@Injectable()
export class StatisticsRepository {
  historyBefore(manager: EntityManager, types: readonly string[], end: Date) {
    return manager.find(CaseHistoryEntry, {
      select: { caseId: true, type: true, payload: true, at: true, fromState: true, toState: true },
      where: { type: In([...types]), at: LessThan(end) },
    });
  }

  visitsBefore(manager: EntityManager, end: Date) {
    return manager.find(Visit, {
      select: { caseId: true, occurredAt: true, outcome: true, stopReason: true, supporterId: true },
      where: { occurredAt: LessThan(end) },
    });
  }

  alertsBefore(manager: EntityManager, end: Date) {
    return manager.find(Alert, {
      select: { kind: true, raisedAt: true, resolvedAt: true },
      where: { raisedAt: LessThan(end) },
    });
  }

  disposedBefore(manager: EntityManager, end: Date) {
    return manager.find(DisposedCase, {
      select: { caseId: true, registeredAt: true, archivedAt: true },
      where: { registeredAt: LessThan(end) },
    });
  }
}
