import { Injectable } from '@nestjs/common';
import { Equal, In, MoreThan, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.js';
import { NotFoundError } from '../common/domain-errors.js';
import type { Page } from '../common/paging.dto.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import type { CaseRetention } from '../documents/case-retention.entity.js';
import { CaseRetentionService } from '../documents/case-retention.service.js';
import type { Visit } from '../visits/visit.entity.js';
import { VisitsService } from '../visits/visits.service.js';
import type { ChangeRows } from './case-effects.js';
import { CaseHistoryEntry } from './case-history-entry.entity.js';
import { CaseParty } from './case-party.entity.js';
import { decodeCursor, encodeCursor } from './case-list-cursor.js';
import { CaseRecord } from './case-record.entity.js';
import { CaseTotals } from './case-totals.js';
import { caseSummaryView, caseView, historyEntryView, type CaseView } from './case-view.js';

export interface CaseListPage extends Page<ReturnType<typeof caseSummaryView>> {
  /** The cursor (`after`) of the page after this one; null on the last page. */
  next: string | null;
}

/** Rows of the case a caller already holds (a command just wrote them, or the case is new). */
export type KnownRows = ChangeRows & { parties?: CaseParty[]; visits?: Visit[]; retention?: CaseRetention | null };

@Injectable()
export class CaseQueries {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly deadlines: DeadlinesService,
    private readonly visits: VisitsService,
    private readonly personnummer: PersonnummerProtector,
    private readonly retention: CaseRetentionService,
    private readonly totals: CaseTotals,
  ) {}

  get(caseId: string): Promise<CaseView> {
    return this.transactions.run(async (manager) => {
      const record = await manager.findOneBy(CaseRecord, { id: caseId });
      if (!record) throw new NotFoundError('case');
      return this.viewWithin(manager, record);
    });
  }

  /** The case's view; `known` holds rows a command just wrote, so they are not read again. */
  async viewWithin(manager: EntityManager, record: CaseRecord, known: KnownRows = {}): Promise<CaseView> {
    const caseId = record.id;
    // One after the other: a transaction's connection runs one query at a time.
    const parties = known.parties ?? (await manager.findBy(CaseParty, { caseId }));
    const deadlines = known.deadlines ?? (await this.deadlines.listForCase(manager, caseId));
    const visits = known.visits ?? (await this.visits.listForCase(manager, caseId));
    const retention = known.retention !== undefined ? known.retention : await this.retention.findWithin(manager, caseId);
    const opened = parties.map((p) => ({ ...p, personnummer: this.personnummer.open(p.personnummerCiphertext) }));
    return caseView(record, opened, deadlines, visits, retention);
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

  /**
   * A page of cases in creation order, from an offset or after a cursor (`next` of the page
   * before: keyset paging, as fast on the last page as on the first). Both are read through the
   * index on (state, createdAt, id); the total comes from a short-lived count (see CaseTotals).
   */
  async list(filter: { state?: string }, limit: number, from: number | string): Promise<CaseListPage> {
    const state = filter.state ? { state: filter.state } : {};
    const after = typeof from === 'string' ? decodeCursor(from) : undefined;
    const { records, total } = await this.transactions.run(async (manager) => {
      const records = await manager.find(CaseRecord, {
        where: after
          ? [
              { ...state, createdAt: MoreThan(after.createdAt) },
              { ...state, createdAt: Equal(after.createdAt), id: MoreThan(after.id) },
            ]
          : state,
        order: { createdAt: 'ASC', id: 'ASC' },
        take: limit + 1,
        skip: typeof from === 'number' ? from : 0,
      });
      const total = await this.totals.count(filter.state, () => manager.countBy(CaseRecord, state));
      return { records, total };
    });
    const page = records.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(caseSummaryView), total, next: records.length > limit && last ? encodeCursor(last) : null };
  }

  async history(caseId: string, limit: number, offset: number): Promise<Page<ReturnType<typeof historyEntryView>>> {
    const [entries, total] = await this.transactions.run(async (manager) => {
      if (!(await manager.existsBy(CaseRecord, { id: caseId }))) throw new NotFoundError('case');
      return manager.findAndCount(CaseHistoryEntry, { where: { caseId }, order: { version: 'ASC' }, take: limit, skip: offset });
    });
    return { items: entries.map(historyEntryView), total };
  }
}
