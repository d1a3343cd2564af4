import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { requireWritableCase } from './case-file.js';
import { CasesRepository } from './cases.repository.js';
import { StaffDirectory } from '../organisation/staff-directory.service.js';

/**
 * Who answers for a case. Changing it is not an event of the case's routine (the machine and its
 * history replay know nothing of it): the case row's column changes and the audit trail keeps who
 * changed it when.
 */
@Injectable()
export class ResponsibleSecretaries {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: StaffDirectory,
    private readonly cases: CasesRepository,
  ) {}

  assign(caseId: string, secretaryId: string) {
    return this.transactions.run(async (manager) => {
      await requireWritableCase(manager, caseId);
      // Only someone with a profile can sign the case's letters.
      const profile = await this.directory.requireProfileOf(manager, secretaryId);
      await this.cases.setResponsibleSecretary(manager, caseId, secretaryId);
      return { caseId, responsibleSecretary: profile };
    });
  }
}
