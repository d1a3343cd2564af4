import { Injectable } from '@nestjs/common';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { CaseParty } from '../cases/case-party.entity.js';
import { CaseRecord } from '../cases/case-record.entity.js';
import { VisitPlan } from '../visits/visit-plan.entity.js';
import { Visit } from '../visits/visit.entity.js';

/** What a supporter reads of their own work, by their supporter id: cases, children, planned visits. */
@Injectable()
export class MyAssignmentsRepository {
  /** The supporter's cases not archived, by the start of their period. */
  openCasesOf(manager: EntityManager, supporterId: string): Promise<CaseRecord[]> {
    return manager.find(CaseRecord, {
      where: { supporterId, state: Not('archived') },
      order: { periodStart: 'ASC', id: 'ASC' },
    });
  }

  /** The children of these cases, in their order on each case. */
  childrenOf(manager: EntityManager, caseIds: string[]): Promise<CaseParty[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return manager.find(CaseParty, { where: { caseId: In(caseIds), role: 'child' }, order: { position: 'ASC' } });
  }

  /** The visits planned with the supporter on cases not archived, soonest first. */
  plansOnOpenCases(manager: EntityManager, supporterId: string): Promise<VisitPlan[]> {
    return manager
      .createQueryBuilder(VisitPlan, 'p')
      .innerJoin(CaseRecord, 'c', 'c.id = p.caseId')
      .where('p.supporterId = :supporterId', { supporterId })
      .andWhere('c.state <> :archived', { archived: 'archived' })
      .orderBy('p.plannedFor', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  /** Which of these plans a logged visit names. */
  async loggedAmong(manager: EntityManager, planIds: string[]): Promise<Set<string | null>> {
    if (planIds.length === 0) return new Set();
    const visits = await manager.find(Visit, {
      select: { planId: true },
      where: { planId: In(planIds), caseId: Not(IsNull()) },
    });
    return new Set(visits.map((v) => v.planId));
  }
}
