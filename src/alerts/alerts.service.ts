import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { NotFoundError } from '../common/domain-errors.js';
import type { Page } from '../common/paging.dto.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import type { AlertKind } from './alert-kinds.js';
import { alertView, type AlertView } from './alert-view.js';
import { Alert } from './alert.entity.js';
import { AlertsRepository, type AlertFilter } from './alerts.repository.js';

export type { AlertFilter } from './alerts.repository.js';

/** An alert to raise: about a deadline (one per deadline and kind), or about the case alone (every raising its own). */
export interface RaisedAlert {
  caseId: string;
  kind: AlertKind;
  deadlineId?: string;
  detail?: string;
}

/** Something another feature does with new alerts (one, or a batch raised together), inside the transaction that raised them. */
export type AlertRaisedListener = (manager: EntityManager, alerts: Alert[]) => Promise<void>;

@Injectable()
export class AlertsService {
  private readonly raisedListeners: AlertRaisedListener[] = [];

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly alerts: AlertsRepository,
  ) {}

  /** Notifications register here: what they write commits, or rolls back, with the alert. */
  onRaisedWithin(listener: AlertRaisedListener): void {
    this.raisedListeners.push(listener);
  }

  /**
   * Inside the transaction of what raises them, the one way alerts are raised (one, or thousands
   * of reminders falling due together, in a few statements whatever their number): one alert per
   * deadline and kind. Raised again while unresolved, it keeps its state and takes the newer
   * detail; an alert without a deadline (a stopped visit) is raised every time.
   */
  async raiseWithin(manager: EntityManager, alerts: RaisedAlert[], now: Date): Promise<void> {
    const deadlineIds = alerts.flatMap((alert) => (alert.deadlineId ? [alert.deadlineId] : []));
    const held = new Map(
      (await this.alerts.ofDeadlines(manager, deadlineIds)).map((alert) => [
        `${alert.deadlineId} ${alert.kind}`,
        alert,
      ]),
    );
    const raised: Alert[] = [];
    for (const alert of alerts) {
      const existing = alert.deadlineId ? held.get(`${alert.deadlineId} ${alert.kind}`) : undefined;
      if (!existing) {
        const fresh = newAlert(alert, now);
        raised.push(fresh);
        if (alert.deadlineId) held.set(`${alert.deadlineId} ${alert.kind}`, fresh);
      } else if (!existing.resolvedAt && alert.detail !== undefined) {
        await this.alerts.setDetail(manager, existing.id, alert.detail);
      }
    }
    if (raised.length === 0) return;
    await this.alerts.insert(manager, raised);
    for (const listener of this.raisedListeners) await listener(manager, raised);
  }

  /** Inside the transaction that made them moot: the deadlines' unresolved alerts (of these kinds) resolve. */
  /** Inside the transaction of the secretary's decision: the deadlines' unresolved alerts end as waived, not resolved. */
  waiveWithin(manager: EntityManager, deadlineIds: string[], now: Date): Promise<void> {
    return this.alerts.waive(manager, deadlineIds, now);
  }

  resolveWithin(manager: EntityManager, deadlineIds: string[], now: Date, kinds?: AlertKind[]): Promise<void> {
    return this.alerts.resolve(manager, deadlineIds, now, kinds);
  }

  async list(filter: AlertFilter, limit: number, offset: number): Promise<Page<AlertView>> {
    const { total, alerts } = await this.transactions.run((manager) =>
      this.alerts.page(manager, filter, limit, offset),
    );
    return { items: alerts.map(alertView), total };
  }

  /** Marks the alert seen; acknowledging it again changes nothing (the first acknowledgement stands). */
  acknowledge(id: string, actor: Actor): Promise<AlertView> {
    return this.transactions.run(async (manager) => {
      const alert = await this.alerts.find(manager, id);
      if (!alert) throw new NotFoundError('alert');
      if (!alert.acknowledgedAt) {
        Object.assign(alert, { acknowledgedAt: this.clock.now(), acknowledgedBy: actor.id });
        await this.alerts.acknowledge(manager, alert);
      }
      return alertView(alert);
    });
  }
}

function newAlert(alert: RaisedAlert, now: Date): Alert {
  return Object.assign(new Alert(), {
    id: randomUUID(),
    caseId: alert.caseId,
    kind: alert.kind,
    deadlineId: alert.deadlineId ?? null,
    detail: alert.detail ?? null,
    raisedAt: now,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolution: null,
  });
}
