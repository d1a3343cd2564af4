import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { Deadline } from '../deadlines/deadline.entity.js';
import { CaseRecord } from '../cases/case-record.entity.js';
import type { DeadlineListResponse, CaseStateTotalsResponse } from './dto/work-list.responses.js';

/**
 * What needs doing across cases, for a secretary's day: how many cases stand in each state and
 * which deadlines are waiting, the nearest (the overdue) first; for everyone's cases or for those
 * one secretary answers for.
 */
@Injectable()
export class WorkList {
  constructor(private readonly transactions: TransactionRunner) {}

  /** Every state that has cases, with how many; read from the index on (responsibleSecretaryId, state) or (state, …). */
  async stateCounts(responsibleSecretary: string | undefined): Promise<CaseStateTotalsResponse> {
    const rows = await this.transactions.read((manager) => {
      const query = manager
        .createQueryBuilder(CaseRecord, 'c')
        .select('c.state', 'state')
        .addSelect('COUNT(*)', 'total')
        .groupBy('c.state');
      if (responsibleSecretary)
        query.where('c.responsibleSecretaryId = :responsibleSecretary', { responsibleSecretary });
      return query.getRawMany<{ state: string; total: string | number }>();
    });
    return { items: rows.map((row) => ({ state: row.state, total: Number(row.total) })) };
  }

  /** Pending deadlines, the earliest due first, each with the case it belongs to. */
  async pendingDeadlines(responsibleSecretary: string | undefined, limit: number): Promise<DeadlineListResponse> {
    const rows = await this.transactions.read((manager) => {
      const query = manager
        .createQueryBuilder(Deadline, 'd')
        .innerJoinAndMapOne('d.case', CaseRecord, 'c', 'c.id = d.caseId')
        .select(['d.id', 'd.caseId', 'd.kind', 'd.dueAt', 'c.id', 'c.court', 'c.courtCaseNumber', 'c.state'])
        .where('d.status = :status', { status: 'pending' })
        .orderBy('d.dueAt', 'ASC')
        .addOrderBy('d.id', 'ASC')
        .take(limit);
      if (responsibleSecretary)
        query.andWhere('c.responsibleSecretaryId = :responsibleSecretary', { responsibleSecretary });
      return query.getMany() as Promise<(Deadline & { case: CaseRecord })[]>;
    });
    return {
      items: rows.map((row) => ({
        id: row.id,
        caseId: row.caseId,
        kind: row.kind,
        dueAt: row.dueAt.toISOString(),
        court: row.case.court,
        courtCaseNumber: row.case.courtCaseNumber,
        state: row.case.state,
      })),
    };
  }
}
