import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.js';
import { NotFoundError } from '../common/domain-errors.js';
import type { Page } from '../common/paging.dto.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { CaseRetentionService } from '../documents/case-retention.service.js';
import { VisitsService } from '../visits/visits.service.js';
import { CaseHistoryEntry } from './case-history-entry.entity.js';
import { CaseParty } from './case-party.entity.js';
import { CaseRecord } from './case-record.entity.js';
import { caseSummaryView, caseView, historyEntryView, type CaseView } from './case-view.js';

@Injectable()
export class CaseQueries {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly deadlines: DeadlinesService,
    private readonly visits: VisitsService,
    private readonly personnummer: PersonnummerProtector,
    private readonly retention: CaseRetentionService,
  ) {}

  get(caseId: string): Promise<CaseView> {
    return this.transactions.run((manager) => this.viewWithin(manager, caseId));
  }

  async viewWithin(manager: EntityManager, caseId: string): Promise<CaseView> {
    const record = await manager.findOneBy(CaseRecord, { id: caseId });
    if (!record) throw new NotFoundError('case');
    // One after the other: a transaction's connection runs one query at a time.
    const parties = (await manager.findBy(CaseParty, { caseId })).map((p) => ({ ...p, personnummer: this.personnummer.open(p.personnummerCiphertext) }));
    const deadlines = await this.deadlines.listForCase(manager, caseId);
    const visits = await this.visits.listForCase(manager, caseId);
    const retention = await this.retention.findWithin(manager, caseId);
    return caseView(record, parties, deadlines, visits, retention);
  }

  /** The cases a person is party to, found by the keyed hash of their (normalised) personnummer. */
  async findByPersonnummer(normalized: string): Promise<Page<ReturnType<typeof caseSummaryView>>> {
    const personnummerHash = this.personnummer.lookupHash(normalized);
    const records = await this.transactions.run(async (manager) => {
      const parties = await manager.find(CaseParty, { where: { personnummerHash }, select: { caseId: true } });
      const ids = [...new Set(parties.map((p) => p.caseId))];
      return ids.length === 0 ? [] : manager.find(CaseRecord, { where: { id: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
    });
    return { items: records.map(caseSummaryView), total: records.length };
  }

  async list(filter: { state?: string }, limit: number, offset: number): Promise<Page<ReturnType<typeof caseSummaryView>>> {
    const [records, total] = await this.transactions.run((manager) =>
      manager.findAndCount(CaseRecord, {
        where: filter.state ? { state: filter.state } : {},
        order: { createdAt: 'ASC', id: 'ASC' },
        take: limit,
        skip: offset,
      }),
    );
    return { items: records.map(caseSummaryView), total };
  }

  async history(caseId: string, limit: number, offset: number): Promise<Page<ReturnType<typeof historyEntryView>>> {
    const [entries, total] = await this.transactions.run(async (manager) => {
      if (!(await manager.existsBy(CaseRecord, { id: caseId }))) throw new NotFoundError('case');
      return manager.findAndCount(CaseHistoryEntry, { where: { caseId }, order: { version: 'ASC' }, take: limit, skip: offset });
    });
    return { items: entries.map(historyEntryView), total };
  }
}
