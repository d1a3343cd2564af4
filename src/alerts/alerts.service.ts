import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IsNull, Not, Raw, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { NotFoundError } from '../common/domain-errors.js';
import type { Page } from '../common/paging.dto.js';
import { ListTotals } from '../database/list-totals.js';
import { TableStatements, type SelectShape, type UpdateShape } from '../database/table-statements.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import type { AlertKind, AlertStatus } from './alert-kinds.js';
import { alertView, type AlertView } from './alert-view.js';
import { Alert } from './alert.entity.js';

export interface AlertFilter {
  caseId?: string;
  /** Only the alerts of the cases this secretary answers for. */
  responsibleSecretary?: string;
  kind?: AlertKind;
  status: AlertStatus | 'all';
}

/** The case condition: one case, the cases one secretary answers for, or both. */
function caseWhere({ caseId, responsibleSecretary }: AlertFilter): FindOptionsWhere<Alert> {
  if (!responsibleSecretary) return caseId ? { caseId } : {};
  const answeredFor = (column: string) =>
    `${column} IN (SELECT "id" FROM "cases" WHERE "responsibleSecretaryId" = :responsibleSecretary)`;
  return {
    caseId: Raw((column) => (caseId ? `${column} = :caseId AND ${answeredFor(column)}` : answeredFor(column)), {
      responsibleSecretary,
      ...(caseId ? { caseId } : {}),
    }),
  };
}

/** Alerts about deadlines that no longer wait: still open ones resolve (of some kinds only, when named). */
const RESOLVE: UpdateShape<Alert> = { set: ['resolvedAt'], where: [{ in: 'deadlineId' }, { isNull: 'resolvedAt' }] };
const RESOLVE_OF_KINDS: UpdateShape<Alert> = {
  set: ['resolvedAt'],
  where: [{ in: 'deadlineId' }, { in: 'kind' }, { isNull: 'resolvedAt' }],
};

/** Which deadlines already have an alert, and of what kind. */
const ALERTS_OF_DEADLINES: SelectShape<Alert> = { where: [{ in: 'deadlineId' }], columns: ['deadlineId', 'kind'] };

const STATUS_WHERE: Record<AlertStatus, FindOptionsWhere<Alert>> = {
  open: { resolvedAt: IsNull(), acknowledgedAt: IsNull() },
  acknowledged: { resolvedAt: IsNull(), acknowledgedAt: Not(IsNull()) },
  resolved: { resolvedAt: Not(IsNull()) },
};

/** Something another feature does with new alerts (one, or a batch raised together), inside the transaction that raised them. */
export type AlertRaisedListener = (manager: EntityManager, alerts: Alert[]) => Promise<void>;

/** Statements carry at most this many rows (SQLite and PostgreSQL bound a statement's parameters). */
const ROWS_PER_STATEMENT = 500;

@Injectable()
export class AlertsService {
  private readonly raisedListeners: AlertRaisedListener[] = [];
  private readonly totals = new ListTotals();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Notifications register here: what they write commits, or rolls back, with the alert. */
  onRaisedWithin(listener: AlertRaisedListener): void {
    this.raisedListeners.push(listener);
  }

  /**
   * Inside the transaction of what raises it: one alert per deadline and kind. Raised again while
   * unresolved, it keeps its state and takes the newer detail.
   */
  async raiseWithin(
    manager: EntityManager,
    alert: { caseId: string; kind: AlertKind; deadlineId?: string; detail?: string },
    now: Date,
  ): Promise<void> {
    // Without a deadline (a stopped visit) every raising is its own alert.
    const existing = alert.deadlineId
      ? await manager.findOneBy(Alert, { deadlineId: alert.deadlineId, kind: alert.kind })
      : null;
    if (existing) {
      if (!existing.resolvedAt && alert.detail !== undefined)
        await manager.update(Alert, { id: existing.id }, { detail: alert.detail });
      return;
    }
    const raised = newAlert(alert, now);
    await manager.insert(Alert, raised);
    for (const listener of this.raisedListeners) await listener(manager, [raised]);
  }

  /**
   * As raiseWithin for many deadlines' alerts at once (thousands of reminders falling due
   * together), in a few statements whatever their number: one per deadline and kind, an
   * existing one left as it is.
   */
  async raiseForDeadlinesWithin(
    manager: EntityManager,
    alerts: { caseId: string; kind: AlertKind; deadlineId: string }[],
    now: Date,
  ): Promise<void> {
    const table = TableStatements.of(manager.connection, Alert);
    const raised: Alert[] = [];
    for (let i = 0; i < alerts.length; i += ROWS_PER_STATEMENT) {
      const chunk = alerts.slice(i, i + ROWS_PER_STATEMENT);
      const existing = await table.select(manager, ALERTS_OF_DEADLINES, [chunk.map((alert) => alert.deadlineId)]);
      const held = new Set(existing.map((alert) => `${alert.deadlineId} ${alert.kind}`));
      const fresh = chunk
        .filter((alert) => !held.has(`${alert.deadlineId} ${alert.kind}`))
        .map((alert) => newAlert(alert, now));
      await table.insert(manager, fresh);
      raised.push(...fresh);
    }
    if (raised.length === 0) return;
    for (const listener of this.raisedListeners) await listener(manager, raised);
  }

  /** Inside the transaction that made them moot: the deadlines' unresolved alerts (of these kinds) resolve. */
  async resolveWithin(manager: EntityManager, deadlineIds: string[], now: Date, kinds?: AlertKind[]): Promise<void> {
    if (deadlineIds.length === 0) return;
    const alerts = TableStatements.of(manager.connection, Alert);
    if (kinds) await alerts.update(manager, RESOLVE_OF_KINDS, [now], [deadlineIds, kinds]);
    else await alerts.update(manager, RESOLVE, [now], [deadlineIds]);
  }

  async list(filter: AlertFilter, limit: number, offset: number): Promise<Page<AlertView>> {
    const where: FindOptionsWhere<Alert> = {
      ...caseWhere(filter),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.status === 'all' ? {} : STATUS_WHERE[filter.status]),
    };
    // Counted first: a row that appears in between then shows in the items, never in a total whose items lack it.
    const [total, alerts] = await this.transactions.run(
      async (manager) =>
        [
          await this.totals.count(manager, Alert, where, JSON.stringify(filter)),
          await manager.find(Alert, { where, order: { raisedAt: 'ASC', id: 'ASC' }, take: limit, skip: offset }),
        ] as const,
    );
    return { items: alerts.map(alertView), total };
  }

  /** Marks the alert seen; acknowledging it again changes nothing (the first acknowledgement stands). */
  acknowledge(id: string, actor: Actor): Promise<AlertView> {
    return this.transactions.run(async (manager) => {
      const alert = await manager.findOneBy(Alert, { id });
      if (!alert) throw new NotFoundError('alert');
      if (!alert.acknowledgedAt) {
        Object.assign(alert, { acknowledgedAt: this.clock.now(), acknowledgedBy: actor.id });
        await manager.update(
          Alert,
          { id },
          { acknowledgedAt: alert.acknowledgedAt, acknowledgedBy: alert.acknowledgedBy },
        );
      }
      return alertView(alert);
    });
  }
}

function newAlert(alert: { caseId: string; kind: AlertKind; deadlineId?: string; detail?: string }, now: Date): Alert {
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
  });
}
