import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REPORTED_OUTCOMES, type LogVisitEvent } from '../../machines/case-events.js';
import { AlertsService } from '../alerts/alerts.service.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, NotFoundError } from '../common/domain-errors.js';
import { keyUsedElsewhere, RepeatedRequest } from '../common/idempotency-key.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import type { CaseRecord } from '../cases/case-record.entity.js';
import { requireCase, requireWritableCase } from '../cases/case-file.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { SupportersRepository } from '../supporters/supporters.repository.js';
import type { PlanVisitDto } from './dto/visit.dtos.js';
import { reportViews } from './visit-report-rules.js';
import { VisitPlan } from './visit-plan.entity.js';
import { VisitReport } from './visit-report.entity.js';
import { Visit } from './visit.entity.js';
import { said } from '../common/said.js';
import { stoppedVisitDetail } from './visit-words.js';
import { VisitsRepository } from './visits.repository.js';

const cases = new CasesRepository();

function planView(plan: VisitPlan, loggedAs: string | null) {
  return {
    id: plan.id,
    plannedFor: plan.plannedFor.toISOString(),
    place: plan.place,
    supporterId: plan.supporterId,
    loggedAs,
  };
}

function visitView(visit: Visit, reports: VisitReport[]) {
  const expected = REPORTED_OUTCOMES.includes(visit.outcome);
  return {
    id: visit.id,
    planId: visit.planId,
    occurredAt: visit.occurredAt.toISOString(),
    durationMinutes: visit.durationMinutes,
    outcome: visit.outcome,
    stopReason: visit.stopReason,
    cancelledBy: visit.cancelledBy,
    absenceReason: visit.absenceReason,
    childPosition: visit.childPosition,
    notes: visit.notes,
    supporterId: visit.supporterId,
    reportExpected: expected,
    reportMissing: expected && reports.length === 0,
    reports: reportViews(reports),
  };
}

@Injectable()
export class VisitsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly alerts: AlertsService,
    private readonly visits: VisitsRepository,
    private readonly supporters: SupportersRepository,
  ) {}

  /**
   * Inside the LOG_VISIT transaction: files the visit beside the case, as the planned visit it names
   * if any, counted toward the supporter on the case. A stopped visit raises an alert for the secretary.
   * A visit logged with this Idempotency-Key already is not logged again: the change rolls back.
   */
  async recordWithin(
    manager: EntityManager,
    record: Pick<CaseRecord, 'id' | 'supporterId'>,
    visit: LogVisitEvent,
    actor: Actor,
    now: Date,
    idempotencyKey?: string,
  ): Promise<void> {
    const caseId = record.id;
    const earlier = idempotencyKey ? await this.visits.visitWithKey(manager, idempotencyKey) : null;
    if (earlier) throw earlier.caseId === caseId ? new RepeatedRequest(actor) : keyUsedElsewhere();
    if (visit.childPosition !== undefined && !(await cases.child(manager, caseId, visit.childPosition))) {
      throw new BusinessRuleError(
        'childOfCase',
        said('Ärendet har inget barn på den platsen i listan.', 'the case has no child at that position'),
        'childPosition',
      );
    }
    const plan = visit.visitPlanId ? await this.openPlan(manager, caseId, visit.visitPlanId) : null;
    const id = randomUUID();
    await this.visits.insertVisit(
      manager,
      Object.assign(new Visit(), {
        id,
        caseId,
        occurredAt: new Date(visit.occurredAt),
        durationMinutes: visit.durationMinutes,
        outcome: visit.outcome,
        stopReason: visit.stopReason ?? null,
        notes: visit.notes ?? null,
        loggedAt: now,
        loggedBy: actor.id,
        planId: plan?.id ?? null,
        supporterId: plan?.supporterId ?? record.supporterId,
        cancelledBy: visit.cancelledBy ?? null,
        absenceReason: visit.absenceReason ?? null,
        childPosition: visit.childPosition ?? null,
        idempotencyKey: idempotencyKey ?? null,
      }),
    );
    if (visit.outcome === 'stopped') {
      await this.alerts.raiseWithin(
        manager,
        [{ caseId, kind: 'visitStopped', detail: stoppedVisitDetail(id, visit.occurredAt, visit.stopReason) }],
        now,
      );
    }
  }

  plan(caseId: string, dto: PlanVisitDto, actor: Actor) {
    return this.transactions.run(async (manager) => {
      const record = await requireWritableCase(manager, caseId);
      const supporterId = dto.supporterId ?? record.supporterId;
      if (!supporterId) {
        throw new BusinessRuleError(
          'visitHasSupporter',
          said(
            'Ett umgängestillfälle planeras med en umgängesstödjare: utse en eller ange supporterId.',
            'a visit is planned with a supporter: appoint one or name supporterId',
          ),
          'supporterId',
        );
      }
      if (!(await this.supporters.exists(manager, supporterId))) {
        throw new BusinessRuleError(
          'supporterExists',
          said('supporterId anger ingen registrerad umgängesstödjare.', 'supporterId names no registered supporter'),
          'supporterId',
        );
      }
      const plan = Object.assign(new VisitPlan(), {
        id: randomUUID(),
        caseId,
        plannedFor: new Date(dto.plannedFor),
        place: dto.place,
        supporterId,
        createdAt: this.clock.now(),
        createdBy: actor.id,
      });
      await this.visits.insertPlan(manager, plan);
      return planView(plan, null);
    });
  }

  /** The case's planned and logged visits, each logged one with its reports and whether one is missing. */
  overview(caseId: string) {
    return this.transactions.run(async (manager) => {
      await requireCase(manager, caseId);
      const plans = await this.visits.plansOfCase(manager, caseId);
      const visits = await this.visits.visitsOfCase(manager, caseId);
      const reports = await this.visits.reportsOfCase(manager, caseId);
      const loggedAs = new Map(visits.filter((v) => v.planId).map((v) => [v.planId!, v.id]));
      return {
        plans: plans.map((p) => planView(p, loggedAs.get(p.id) ?? null)),
        visits: visits.map((v) =>
          visitView(
            v,
            reports.filter((r) => r.visitId === v.id),
          ),
        ),
      };
    });
  }

  private async openPlan(manager: EntityManager, caseId: string, planId: string): Promise<VisitPlan> {
    const plan = await this.visits.planOfCase(manager, caseId, planId);
    if (!plan) throw new NotFoundError('visit plan');
    if (await this.visits.planLogged(manager, planId)) {
      throw new BusinessRuleError(
        'visitPlanLoggedOnce',
        said('Det planerade umgänget är redan registrerat.', 'that planned visit was already logged'),
        'visitPlanId',
      );
    }
    return plan;
  }
}
