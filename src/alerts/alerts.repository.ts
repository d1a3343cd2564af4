import { Injectable } from '@nestjs/common';
import { In, IsNull, Not, Raw, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { ListTotals } from '../database/list-totals.js';
import { listParameter, RowMapper, run, type Sql } from '../database/sql.js';
import type { AlertKind, AlertStatus } from './alert-kinds.js';
import { Alert } from './alert.entity.js';

export interface AlertFilter {
  caseId?: string;
  /** Only the alerts of the cases this secretary answers for. */
  responsibleSecretary?: string;
  kind?: AlertKind;
  status: AlertStatus | 'all';
}

const ALERT_COLUMNS = [
  'id',
  'caseId',
  'kind',
  'deadlineId',
  'detail',
  'raisedAt',
  'acknowledgedAt',
  'acknowledgedBy',
  'resolvedAt',
] as const satisfies readonly (keyof Alert)[];

const OF_DEADLINES: Sql = {
  postgres: 'SELECT id, "deadlineId", kind, "resolvedAt" FROM "alerts" WHERE "deadlineId" = ANY($1)',
  sqlite:
    'SELECT id, "deadlineId", kind, "resolvedAt" FROM "alerts" WHERE "deadlineId" IN (SELECT value FROM json_each(?))',
};

const INSERT: Sql = {
  postgres:
    'INSERT INTO "alerts" (id, "caseId", kind, "deadlineId", detail, "raisedAt", "acknowledgedAt", "acknowledgedBy", "resolvedAt") ' +
    'SELECT id, "caseId", kind, "deadlineId", detail, "raisedAt", "acknowledgedAt", "acknowledgedBy", "resolvedAt" FROM json_populate_recordset(NULL::"alerts", $1)',
  sqlite:
    'INSERT INTO "alerts" (id, "caseId", kind, "deadlineId", detail, "raisedAt", "acknowledgedAt", "acknowledgedBy", "resolvedAt") ' +
    `SELECT value ->> 'id', value ->> 'caseId', value ->> 'kind', value ->> 'deadlineId', value ->> 'detail', value ->> 'raisedAt', value ->> 'acknowledgedAt', value ->> 'acknowledgedBy', value ->> 'resolvedAt' FROM json_each(?)`,
};

const SET_DETAIL: Sql = {
  postgres: 'UPDATE "alerts" SET detail = $1 WHERE id = $2',
  sqlite: 'UPDATE "alerts" SET detail = ? WHERE id = ?',
};

const RESOLVE: Sql = {
  postgres: 'UPDATE "alerts" SET "resolvedAt" = $1 WHERE "deadlineId" = ANY($2) AND "resolvedAt" IS NULL',
  sqlite:
    'UPDATE "alerts" SET "resolvedAt" = ? WHERE "deadlineId" IN (SELECT value FROM json_each(?)) AND "resolvedAt" IS NULL',
};

const RESOLVE_OF_KINDS: Sql = {
  postgres:
    'UPDATE "alerts" SET "resolvedAt" = $1 WHERE "deadlineId" = ANY($2) AND kind = ANY($3) AND "resolvedAt" IS NULL',
  sqlite:
    'UPDATE "alerts" SET "resolvedAt" = ? WHERE "deadlineId" IN (SELECT value FROM json_each(?)) AND kind IN (SELECT value FROM json_each(?)) AND "resolvedAt" IS NULL',
};

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

const STATUS_WHERE: Record<AlertStatus, FindOptionsWhere<Alert>> = {
  open: { resolvedAt: IsNull(), acknowledgedAt: IsNull() },
  acknowledged: { resolvedAt: IsNull(), acknowledgedAt: Not(IsNull()) },
  resolved: { resolvedAt: Not(IsNull()), resolution: IsNull() },
  waived: { resolution: 'waived' },
};

/** The alerts table, inside the caller's transaction. */
@Injectable()
export class AlertsRepository {
  private readonly totals = new ListTotals();

  /** The alerts of these deadlines (id, deadline, kind and whether resolved). */
  async ofDeadlines(
    manager: EntityManager,
    deadlineIds: readonly string[],
  ): Promise<Pick<Alert, 'id' | 'deadlineId' | 'kind' | 'resolvedAt'>[]> {
    if (deadlineIds.length === 0) return [];
    const { records } = await run(manager, OF_DEADLINES, [listParameter(manager, deadlineIds)]);
    return RowMapper.of(manager, Alert).entities(records);
  }

  async insert(manager: EntityManager, alerts: readonly Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    await run(manager, INSERT, [RowMapper.of(manager, Alert).json(alerts, ALERT_COLUMNS)]);
  }

  async setDetail(manager: EntityManager, alertId: string, detail: string | null): Promise<void> {
    await run(manager, SET_DETAIL, [detail, alertId]);
  }

  /** The deadlines' unresolved alerts (of these kinds) resolve. */
  async resolve(manager: EntityManager, deadlineIds: readonly string[], now: Date, kinds?: readonly string[]) {
    if (deadlineIds.length === 0) return;
    const at = RowMapper.of(manager, Alert).value('resolvedAt', now);
    const ids = listParameter(manager, deadlineIds);
    if (kinds) await run(manager, RESOLVE_OF_KINDS, [at, ids, listParameter(manager, kinds)]);
    else await run(manager, RESOLVE, [at, ids]);
  }

  /** The deadlines' unresolved alerts end as waived: the secretary recorded why what they waited for never comes. */
  async waive(manager: EntityManager, deadlineIds: readonly string[], now: Date): Promise<void> {
    if (deadlineIds.length === 0) return;
    await manager.update(
      Alert,
      { deadlineId: In([...deadlineIds]), resolvedAt: IsNull() },
      { resolvedAt: now, resolution: 'waived' },
    );
  }

  unresolvedOfCase(manager: EntityManager, caseId: string): Promise<Alert[]> {
    return manager.findBy(Alert, { caseId, resolvedAt: IsNull() });
  }

  find(manager: EntityManager, alertId: string): Promise<Alert | null> {
    return manager.findOneBy(Alert, { id: alertId });
  }

  async acknowledge(manager: EntityManager, alert: Alert): Promise<void> {
    await manager.update(
      Alert,
      { id: alert.id },
      { acknowledgedAt: alert.acknowledgedAt, acknowledgedBy: alert.acknowledgedBy },
    );
  }

  /** A page of the alerts the filter matches, oldest first, and their total (counted first: a row that appears in between shows in the items, never in a total whose items lack it). */
  async page(
    manager: EntityManager,
    filter: AlertFilter,
    limit: number,
    offset: number,
  ): Promise<{ total: number; alerts: Alert[] }> {
    const where: FindOptionsWhere<Alert> = {
      ...caseWhere(filter),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.status === 'all' ? {} : STATUS_WHERE[filter.status]),
    };
    const total = await this.totals.count(manager, Alert, where, JSON.stringify(filter));
    const alerts = await manager.find(Alert, {
      where,
      order: { raisedAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { total, alerts };
  }

  /** Id, resolution of these alerts. */
  resolution(manager: EntityManager, alertIds: readonly string[]): Promise<Pick<Alert, 'id' | 'resolvedAt'>[]> {
    return manager.find(Alert, { where: { id: In([...alertIds]) }, select: { id: true, resolvedAt: true } });
  }

  /** How many alerts of the kind are unresolved. */
  unresolvedOfKind(manager: EntityManager, kind: AlertKind): Promise<number> {
    return manager.countBy(Alert, { kind, resolvedAt: IsNull() });
  }

  /** How many alerts are neither acknowledged nor resolved, by kind. */
  async openByKind(manager: EntityManager): Promise<{ kind: string; open: number }[]> {
    const rows = await manager
      .createQueryBuilder(Alert, 'a')
      .select('a.kind', 'kind')
      .addSelect('COUNT(*)', 'open')
      .where('a.resolvedAt IS NULL AND a.acknowledgedAt IS NULL')
      .groupBy('a.kind')
      .getRawMany<{ kind: string; open: string | number }>();
    return rows.map((row) => ({ kind: row.kind, open: Number(row.open) }));
  }
}
