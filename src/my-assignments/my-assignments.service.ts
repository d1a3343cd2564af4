import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { CompensationService } from '../compensation/compensation.service.js';
import { MyAssignmentsRepository } from './my-assignments.repository.js';

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
    private readonly mine: MyAssignmentsRepository,
  ) {}

  assignments(supporterId: string) {
    return this.transactions.run(async (manager) => {
      const cases = await this.mine.openCasesOf(manager, supporterId);
      const children = await this.mine.childrenOf(
        manager,
        cases.map((c) => c.id),
      );
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
      const plans = await this.mine.plansOnOpenCases(manager, supporterId);
      const logged = await this.mine.loggedAmong(
        manager,
        plans.map((p) => p.id),
      );
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
