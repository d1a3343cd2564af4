import { Injectable } from '@nestjs/common';
import { And, In, IsNull, LessThan, MoreThanOrEqual, Not, type EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record.entity.js';
import { RowMapper, run, type Sql } from '../database/sql.js';
import { VisitPlan } from './visit-plan.entity.js';
import { VisitReport } from './visit-report.entity.js';
import { Visit } from './visit.entity.js';

const VISIT_COLUMNS = [
  'id',
  'caseId',
  'occurredAt',
  'durationMinutes',
  'outcome',
  'stopReason',
  'notes',
  'loggedAt',
  'loggedBy',
  'planId',
  'supporterId',
  'cancelledBy',
  'absenceReason',
  'childPosition',
  'idempotencyKey',
] as const satisfies readonly (keyof Visit)[];

const INSERT_VISIT: Sql = {
  postgres:
    'INSERT INTO "visits" (id, "caseId", "occurredAt", "durationMinutes", outcome, "stopReason", notes, "loggedAt", "loggedBy", "planId", "supporterId", "cancelledBy", "absenceReason", "childPosition", "idempotencyKey") ' +
    'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)',
  sqlite:
    'INSERT INTO "visits" (id, "caseId", "occurredAt", "durationMinutes", outcome, "stopReason", notes, "loggedAt", "loggedBy", "planId", "supporterId", "cancelledBy", "absenceReason", "childPosition", "idempotencyKey") ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
};

const VISITS_OF_CASE: Sql = {
  postgres: 'SELECT * FROM "visits" WHERE "caseId" = $1 ORDER BY "occurredAt" ASC, "loggedAt" ASC',
  sqlite: 'SELECT * FROM "visits" WHERE "caseId" = ? ORDER BY "occurredAt" ASC, "loggedAt" ASC',
};

/** A case's visits, planned and logged, and their reports, inside the caller's transaction. */
@Injectable()
export class VisitsRepository {
  async insertVisit(manager: EntityManager, visit: Visit): Promise<void> {
    await run(manager, INSERT_VISIT, RowMapper.of(manager, Visit).values(visit, VISIT_COLUMNS));
  }

  /** The case's logged visits in the order they happened (then were logged). */
  async visitsOfCase(manager: EntityManager, caseId: string): Promise<Visit[]> {
    return RowMapper.of(manager, Visit).entities((await run(manager, VISITS_OF_CASE, [caseId])).records);
  }

  /** The visit logged with this Idempotency-Key, on whichever case. */
  visitWithKey(manager: EntityManager, idempotencyKey: string): Promise<Visit | null> {
    return manager.findOneBy(Visit, { idempotencyKey });
  }

  /** The report filed with this Idempotency-Key, on whichever visit. */
  reportWithKey(manager: EntityManager, idempotencyKey: string): Promise<VisitReport | null> {
    return manager.findOneBy(VisitReport, { idempotencyKey });
  }

  async insertPlan(manager: EntityManager, plan: VisitPlan): Promise<void> {
    await manager.insert(VisitPlan, plan);
  }

  plansOfCase(manager: EntityManager, caseId: string): Promise<VisitPlan[]> {
    return manager.find(VisitPlan, { where: { caseId }, order: { plannedFor: 'ASC' } });
  }

  planOfCase(manager: EntityManager, caseId: string, planId: string): Promise<VisitPlan | null> {
    return manager.findOneBy(VisitPlan, { id: planId, caseId });
  }

  planLogged(manager: EntityManager, planId: string): Promise<boolean> {
    return manager.existsBy(Visit, { planId });
  }

  /** The case's visit reports in the order they were filed. */
  reportsOfCase(manager: EntityManager, caseId: string): Promise<VisitReport[]> {
    return manager.find(VisitReport, { where: { caseId }, order: { filedAt: 'ASC', id: 'ASC' } });
  }

  /** The planned visits of these cases, soonest first. */
  plansOfCases(manager: EntityManager, caseIds: string[]): Promise<VisitPlan[]> {
    return manager.find(VisitPlan, { where: { caseId: In(caseIds) }, order: { plannedFor: 'ASC' } });
  }

  /** Which of these cases' planned visits were logged. */
  async loggedPlanIds(manager: EntityManager, caseIds: string[]): Promise<Set<string>> {
    const visits = await manager.find(Visit, {
      select: { planId: true },
      where: { caseId: In(caseIds), planId: Not(IsNull()) },
    });
    return new Set(visits.map((visit) => visit.planId!));
  }

  /** Supporter and duration of the visits with these outcomes held in [from, until) by a named supporter. */
  compensable(
    manager: EntityManager,
    outcomes: readonly string[],
    from: Date,
    until: Date,
  ): Promise<Pick<Visit, 'supporterId' | 'durationMinutes'>[]> {
    return manager.find(Visit, {
      select: { supporterId: true, durationMinutes: true },
      where: {
        supporterId: Not(IsNull()),
        outcome: In([...outcomes]),
        occurredAt: And(MoreThanOrEqual(from), LessThan(until)),
      },
    });
  }

  visitOfCase(manager: EntityManager, caseId: string, visitId: string): Promise<Visit | null> {
    return manager.findOneBy(Visit, { id: visitId, caseId });
  }

  /** The visit's reports in the order they were filed. */
  reportsOfVisit(manager: EntityManager, visitId: string): Promise<VisitReport[]> {
    return manager.find(VisitReport, { where: { visitId }, order: { filedAt: 'ASC', id: 'ASC' } });
  }

  hasReport(manager: EntityManager, visitId: string): Promise<boolean> {
    return manager.existsBy(VisitReport, { visitId });
  }

  reportOfVisit(manager: EntityManager, visitId: string, reportId: string): Promise<VisitReport | null> {
    return manager.findOneBy(VisitReport, { id: reportId, visitId });
  }

  /** Whether a correction of the report is on file already. */
  reportCorrected(manager: EntityManager, reportId: string): Promise<boolean> {
    return manager.existsBy(VisitReport, { correctsId: reportId });
  }

  async insertReport(manager: EntityManager, report: VisitReport): Promise<void> {
    await manager.insert(VisitReport, report);
  }

  /** A page of the visits with these outcomes on open cases that have no report yet, oldest first, and their total. */
  unreported(
    manager: EntityManager,
    outcomes: readonly string[],
    limit: number,
    offset: number,
  ): Promise<[Visit[], number]> {
    return manager
      .createQueryBuilder(Visit, 'v')
      .innerJoin(CaseRecord, 'c', 'c.id = v.caseId')
      .where('v.outcome IN (:...outcomes)', { outcomes })
      .andWhere('c.state <> :archived', { archived: 'archived' })
      .andWhere('NOT EXISTS (SELECT 1 FROM visit_reports r WHERE r."visitId" = v.id)')
      .orderBy('v.occurredAt', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
  }
}
