import { Injectable } from '@nestjs/common';
import { CaseRecord } from '../cases/case-record.entity.js';
import { TransactionRunner } from '../database/transaction-runner.js';

/** Which cases a supporter may reach: those they are currently appointed to, until archived. */
@Injectable()
export class CaseAccess {
  constructor(private readonly transactions: TransactionRunner) {}

  async isAssigned(caseId: string, supporterId: string | undefined): Promise<boolean> {
    if (!supporterId) return false;
    const record = await this.transactions.run((manager) =>
      manager.findOne(CaseRecord, { where: { id: caseId }, select: { id: true, state: true, snapshot: true } }),
    );
    return record !== null && record.state !== 'archived' && record.snapshot.context.supporter?.supporterId === supporterId;
  }
}
