import { Injectable } from '@nestjs/common';
import type { CaseSnapshot } from '../../machines/case-decisions.js';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.service.js';
import { NotFoundError } from '../common/domain-errors.js';
import type { Page } from '../common/paging.dto.js';
import { DeadlinesRepository } from '../deadlines/deadlines.repository.js';
import type { CaseRetention } from '../documents/case-retention.entity.js';
import { CaseRetentionService } from '../documents/case-retention.service.js';
import type { Visit } from '../visits/visit.entity.js';
import { VisitsRepository } from '../visits/visits.repository.js';
import type { ChangeRows } from '../cases/case-effects.service.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { decodeCursor, encodeCursor } from './case-list-cursor.js';
import { CaseListRepository } from './case-list.repository.js';
import type { CaseRecord } from '../cases/case-record.entity.js';
import { CaseTotals, type CaseListFilter } from './case-totals.service.js';
import { caseSummaryView, caseView, historyEntryView, type CaseView } from './case-view.js';

/** A text search answers this many cases at most: a name common enough to match more is refined, not paged. */
const SEARCH_LIMIT = 50;

export interface CaseListPage extends Page<ReturnType<typeof caseSummaryView>> {
  /** The cursor (`after`) of the page after this one; null on the last page. */
  next: string | null;
}

/** Rows of the case a caller already holds (a command just wrote them, or the case is new). */
export type KnownRows = ChangeRows & { visits?: Visit[]; retention?: CaseRetention | null; snapshot?: CaseSnapshot };

@Injectable()
export class CaseQueries {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly deadlines: DeadlinesRepository,
    private readonly visits: VisitsRepository,
    private readonly personnummer: PersonnummerProtector,
    private readonly retention: CaseRetentionService,
    private readonly totals: CaseTotals,
    private readonly rows: CasesRepository,
    private readonly caseList: CaseListRepository,
  ) {}

  get(caseId: string): Promise<CaseView> {
    return this.transactions.read(async (manager) => {
      const loaded = await this.rows.loadWithParties(manager, caseId);
      if (!loaded) throw new NotFoundError('case');
      return this.viewWithin(manager, loaded.record, { parties: loaded.parties });
    });
  }

  /** The case's view; `known` holds rows a command just wrote, so they are not read again. */
  async viewWithin(manager: EntityManager, record: CaseRecord, known: KnownRows = {}): Promise<CaseView> {
    const caseId = record.id;
    // One after the other: a transaction's connection runs one query at a time.
    const parties = known.parties ?? (await this.rows.parties(manager, caseId));
    const deadlines = known.deadlines ?? (await this.deadlines.ofCase(manager, caseId));
    const visits = known.visits ?? (await this.visits.visitsOfCase(manager, caseId));
    // Retention starts with ARCHIVE, the last state: a case not archived has none to read.
    const retention =
      known.retention !== undefined
        ? known.retention
        : record.state === 'archived'
          ? await this.retention.findWithin(manager, caseId)
          : null;
    const opened = parties.map((p) => ({ ...p, personnummer: this.personnummer.open(p.personnummerCiphertext) }));
    return caseView(record, opened, deadlines, visits, retention, known.snapshot);
  }

  /** The cases a person is party to, found by the keyed hash of their (normalised) personnummer. */
  async findByPersonnummer(normalized: string): Promise<Page<ReturnType<typeof caseSummaryView>>> {
    const personnummerHash = this.personnummer.lookupHash(normalized);
    const records = await this.transactions.run((manager) =>
      this.caseList.ofPersonnummerHash(manager, personnummerHash),
    );
    return { items: records.map(caseSummaryView), total: records.length };
  }

  /**
   * The cases whose court case number or diary number is the text, or one of whose parties' names
   * contains it (regardless of case): the newest 50.
   */
  async findByText(text: string): Promise<Page<ReturnType<typeof caseSummaryView>>> {
    const courtCase = /^t\s*(\d{1,6})-(\d{2})$/i.exec(text.trim());
    const pattern = `%${text
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const records = await this.transactions.read((manager) =>
      this.caseList.search(
        manager,
        text.trim(),
        courtCase ? `T ${courtCase[1]}-${courtCase[2]}` : text.trim(),
        pattern,
        SEARCH_LIMIT,
      ),
    );
    return { items: records.map(caseSummaryView), total: records.length };
  }

  /**
   * A page of cases in creation order, from an offset or after a cursor (`next` of the page
   * before: keyset paging). Both read the index on (state, createdAt, id): an offset is first
   * walked in that index alone (no table row is read for the cases it skips), so the last page
   * costs a pass over index entries instead of over 100,000 stored snapshots. Only the summary's
   * columns are read; the total comes from CaseTotals.
   */
  async list(filter: CaseListFilter, limit: number, from: number | string): Promise<CaseListPage> {
    const after = typeof from === 'string' ? decodeCursor(from) : undefined;
    const offset = typeof from === 'number' ? from : 0;
    const { records, total } = await this.transactions.run(async (manager) => {
      const records = await this.caseList.page(manager, filter, limit + 1, offset, after);
      const total = await this.totals.count(filter, () => this.caseList.count(manager, filter));
      return { records, total };
    });
    const page = records.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(caseSummaryView),
      total,
      next: records.length > limit && last ? encodeCursor(last) : null,
    };
  }

  async history(caseId: string, limit: number, offset: number): Promise<Page<ReturnType<typeof historyEntryView>>> {
    const [entries, total] = await this.transactions.run(async (manager) => {
      if (!(await this.caseList.exists(manager, caseId))) throw new NotFoundError('case');
      return this.caseList.historyPage(manager, caseId, limit, offset);
    });
    return { items: entries.map(historyEntryView), total };
  }
}
