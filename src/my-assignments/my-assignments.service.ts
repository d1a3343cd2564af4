import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { CaseParty } from '../cases/case-party.entity.js';
import { CaseRecord } from '../cases/case-record.entity.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { CompensationService } from '../compensation/compensation.service.js';
import { VisitPlan } from '../visits/visit-plan.entity.js';
import { Visit } from '../visits/visit.entity.js';

const firstName = (name: string) => name.trim().split(/\s+/)[0];

/**
 * What a supporter sees of their own work: their assignments, the visits planned with them (when
 * and where the visit is, nothing about where anyone lives) and their own compensation. Read by
 * the supporter record the token names, never by a date: nothing of theirs is filtered away.
 */
@Injectable()
export class MyAssignmentsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly payroll: CompensationService,
  ) {}

  assignments(supporterId: string) {
    return this.transactions.run(async (manager) => {
      const cases = await manager.find(CaseRecord, {
        where: { supporterId, state: Not('archived') },
        order: { periodStart: 'ASC', id: 'ASC' },
      });
      const children = cases.length
        ? await manager.find(CaseParty, {
            where: { caseId: In(cases.map((c) => c.id)), role: 'child' },
            order: { position: 'ASC' },
          })
        : [];
      const items = cases.map((record) => ({
        caseId: record.id,
        state: record.state,
        period: { start: record.periodStart, end: record.periodEnd },
        children: children.filter((c) => c.caseId === record.id).map((c) => ({ firstName: firstName(c.name) })),
      }));
      return { items, total: items.length };
    });
  }

  /** Visits planned with the supporter on cases still open, not yet logged, soonest first. */
  visitPlans(supporterId: string) {
    return this.transactions.run(async (manager) => {
      const plans = await manager
        .createQueryBuilder(VisitPlan, 'p')
        .innerJoin(CaseRecord, 'c', 'c.id = p.caseId')
        .where('p.supporterId = :supporterId', { supporterId })
        .andWhere('c.state <> :archived', { archived: 'archived' })
        .orderBy('p.plannedFor', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .getMany();
      const logged = plans.length
        ? new Set(
            (
              await manager.find(Visit, {
                select: { planId: true },
                where: { planId: In(plans.map((p) => p.id)), caseId: Not(IsNull()) },
              })
            ).map((v) => v.planId),
          )
        : new Set<string | null>();
      const items = plans
        .filter((plan) => !logged.has(plan.id))
        .map((plan) => ({
          id: plan.id,
          caseId: plan.caseId,
          plannedFor: plan.plannedFor.toISOString(),
          place: plan.place,
        }));
      return { items, total: items.length };
    });
  }

  /** The supporter's own line of a month's compensation: visits, hours and amount. */
  async compensation(supporterId: string, month: string) {
    const all = await this.payroll.forMonth(month);
    const mine = all.items.find((line) => line.supporterId === supporterId);
    return {
      month,
      currency: all.currency,
      rates: all.rates,
      visits: mine?.visits ?? 0,
      minutes: mine?.minutes ?? 0,
      hours: mine?.hours ?? '0.00',
      amountSek: mine?.amountSek ?? '0.00',
    };
  }
}
