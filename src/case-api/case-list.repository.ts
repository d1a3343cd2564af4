import { Injectable } from '@nestjs/common';
import { Brackets, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import { CaseParty } from '../cases/case-party.entity.js';
import { CaseRecord } from '../cases/case-record.entity.js';
import { Deadline } from '../deadlines/deadline.entity.js';
import type { CaseListPosition } from './case-list-cursor.js';
import type { CaseListFilter } from './case-totals.service.js';

/** What a case list's row needs (caseSummaryView, and createdAt for the cursor): never the snapshot. */
const SUMMARY_COLUMNS = [
  'id',
  'state',
  'subState',
  'version',
  'court',
  'courtCaseNumber',
  'periodStart',
  'periodEnd',
  'responsibleSecretaryId',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof CaseRecord)[];

/** Cases (as `alias`) the filter picks, after the cursor's position, in the list's order (createdAt, id). */
function inCreationOrder<Q extends SelectQueryBuilder<CaseRecord>>(
  query: Q,
  alias: string,
  filter: CaseListFilter,
  after?: CaseListPosition,
): Q {
  if (filter.state) query.andWhere(`${alias}.state = :state`, { state: filter.state });
  if (filter.responsibleSecretary) {
    query.andWhere(`${alias}.responsibleSecretaryId = :responsibleSecretary`, {
      responsibleSecretary: filter.responsibleSecretary,
    });
  }
  if (filter.supporter) query.andWhere(`${alias}.supporterId = :supporter`, { supporter: filter.supporter });
  if (after) {
    query.andWhere(
      new Brackets((position) =>
        position
          .where(`${alias}.createdAt > :afterCreatedAt`)
          .orWhere(`${alias}.createdAt = :afterCreatedAt AND ${alias}.id > :afterId`),
      ),
      { afterCreatedAt: after.createdAt, afterId: after.id },
    );
  }
  return query.orderBy(`${alias}.createdAt`, 'ASC').addOrderBy(`${alias}.id`, 'ASC');
}

function whereOf(filter: CaseListFilter) {
  return {
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.responsibleSecretary ? { responsibleSecretaryId: filter.responsibleSecretary } : {}),
    ...(filter.supporter ? { supporterId: filter.supporter } : {}),
  };
}

/** The cases as their lists and searches read them, inside the caller's transaction. */
@Injectable()
export class CaseListRepository {
  /** The cases one of whose parties has this keyed personnummer hash, oldest first. */
  async ofPersonnummerHash(manager: EntityManager, personnummerHash: string): Promise<CaseRecord[]> {
    const parties = await manager.find(CaseParty, { where: { personnummerHash }, select: { caseId: true } });
    const ids = [...new Set(parties.map((p) => p.caseId))];
    return ids.length === 0
      ? []
      : manager.find(CaseRecord, { where: { id: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * The newest `limit` cases whose diary number is `text`, whose court case number is
   * `courtCaseNumber`, or one of whose parties' names matches the LIKE `pattern` (lower case).
   */
  search(
    manager: EntityManager,
    text: string,
    courtCaseNumber: string,
    pattern: string,
    limit: number,
  ): Promise<CaseRecord[]> {
    return manager
      .createQueryBuilder(CaseRecord, 'c')
      .select(SUMMARY_COLUMNS.map((column) => `c.${column}`))
      .where('c.diaryNumber = :text', { text })
      .orWhere('c.courtCaseNumber = :courtCaseNumber', { courtCaseNumber })
      .orWhere(
        (sub) =>
          `c.id IN ${sub
            .subQuery()
            .select('p.caseId')
            .from(CaseParty, 'p')
            .where("LOWER(p.name) LIKE :pattern ESCAPE '\\'")
            .getQuery()}`,
      )
      .setParameter('pattern', pattern)
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(limit)
      .getMany();
  }

  /**
   * Up to `limit` cases in creation order, from an offset or after a cursor's position. Both read
   * the index on (state, createdAt, id): an offset is first walked in that index alone (no table
   * row is read for the cases it skips). Only the summary's columns are read.
   */
  page(
    manager: EntityManager,
    filter: CaseListFilter,
    limit: number,
    offset: number,
    after?: CaseListPosition,
  ): Promise<CaseRecord[]> {
    const query = manager.createQueryBuilder(CaseRecord, 'c').select(SUMMARY_COLUMNS.map((column) => `c.${column}`));
    if (offset > 0) {
      const escape = (name: string) => manager.connection.driver.escape(name);
      query.innerJoin(
        (page) =>
          inCreationOrder(page.select('p.id', 'pageId').from(CaseRecord, 'p'), 'p', filter).limit(limit).offset(offset),
        'page',
        `${escape('page')}.${escape('pageId')} = c.id`,
      );
    } else {
      inCreationOrder(query, 'c', filter, after).limit(limit);
    }
    return query.orderBy('c.createdAt', 'ASC').addOrderBy('c.id', 'ASC').getMany();
  }

  count(manager: EntityManager, filter: CaseListFilter): Promise<number> {
    return manager.countBy(CaseRecord, whereOf(filter));
  }

  exists(manager: EntityManager, caseId: string): Promise<boolean> {
    return manager.existsBy(CaseRecord, { id: caseId });
  }

  /** A page of the case's history in order, and its length. */
  historyPage(manager: EntityManager, caseId: string, limit: number, offset: number) {
    return manager.findAndCount(CaseHistoryEntry, {
      where: { caseId },
      order: { version: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** How many cases stand in each state (of those one secretary answers for). */
  async stateTotals(
    manager: EntityManager,
    responsibleSecretary: string | undefined,
  ): Promise<{ state: string; total: number }[]> {
    const query = manager
      .createQueryBuilder(CaseRecord, 'c')
      .select('c.state', 'state')
      .addSelect('COUNT(*)', 'total')
      .groupBy('c.state');
    if (responsibleSecretary) query.where('c.responsibleSecretaryId = :responsibleSecretary', { responsibleSecretary });
    const rows = await query.getRawMany<{ state: string; total: string | number }>();
    return rows.map((row) => ({ state: row.state, total: Number(row.total) }));
  }

  /** The `limit` earliest pending deadlines (of one secretary's cases), each with its case's court, number and state. */
  pendingDeadlines(
    manager: EntityManager,
    responsibleSecretary: string | undefined,
    limit: number,
  ): Promise<(Deadline & { case: CaseRecord })[]> {
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
  }
}
