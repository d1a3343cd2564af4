import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { CaseListRepository } from './case-list.repository.js';
import type { DeadlineListResponse, CaseStateTotalsResponse } from './dto/work-list.responses.js';

/**
 * What needs doing across cases, for a secretary's day: how many cases stand in each state and
 * which deadlines are waiting, the nearest (the overdue) first; for everyone's cases or for those
 * one secretary answers for.
 */
@Injectable()
export class WorkList {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly caseList: CaseListRepository,
  ) {}

  /** Every state that has cases, with how many; read from the index on (responsibleSecretaryId, state) or (state, …). */
  async stateCounts(responsibleSecretary: string | undefined): Promise<CaseStateTotalsResponse> {
    const items = await this.transactions.read((manager) => this.caseList.stateTotals(manager, responsibleSecretary));
    return { items };
  }

  /** Pending deadlines, the earliest due first, each with the case it belongs to. */
  async pendingDeadlines(responsibleSecretary: string | undefined, limit: number): Promise<DeadlineListResponse> {
    const rows = await this.transactions.read((manager) =>
      this.caseList.pendingDeadlines(manager, responsibleSecretary, limit),
    );
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
