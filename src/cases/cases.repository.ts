import { Injectable } from '@nestjs/common';
import { In, MoreThan, Not, type EntityManager } from 'typeorm';
import { dialectOf, listParameter, RowMapper, run, type Sql } from '../database/sql.js';
import type { CaseChange } from './case-effects.service.js';
import { CaseHistoryEntry } from './case-history-entry.entity.js';
import { CaseParty } from './case-party.entity.js';
import { CaseRecord } from './case-record.entity.js';

/** The first key of the registrations' advisory locks; the second is the court case's hash (two-key locks never meet the audit chain's one-key lock). */
const REGISTRATION_LOCK_CLASS = 7_412_002;

const CASE_COLUMNS = [
  'id',
  'machineVersion',
  'state',
  'subState',
  'snapshot',
  'version',
  'court',
  'courtCaseNumber',
  'periodStart',
  'periodEnd',
  'supporterId',
  'diaryNumber',
  'responsibleSecretaryId',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof CaseRecord)[];

const PARTY_COLUMNS = [
  'id',
  'caseId',
  'role',
  'position',
  'name',
  'personnummerCiphertext',
  'personnummerHash',
  'addressCiphertext',
  'protection',
  'custody',
] as const satisfies readonly (keyof CaseParty)[];

/** The columns a change of a case may write, over the version it was decided on; the judgment and the creation stay as registered. */
const CHANGED_COLUMNS = [
  'machineVersion',
  'state',
  'subState',
  'snapshot',
  'supporterId',
  'diaryNumber',
  'version',
  'updatedAt',
] as const satisfies readonly (keyof CaseRecord)[];

const HISTORY_COLUMNS = [
  'caseId',
  'version',
  'type',
  'payload',
  'fromState',
  'toState',
  'at',
  'actorId',
  'actorRole',
] as const satisfies readonly (keyof CaseHistoryEntry)[];

const CASE_BY_ID: Sql = {
  postgres: 'SELECT * FROM "cases" WHERE id = $1',
  sqlite: 'SELECT * FROM "cases" WHERE id = ?',
};

/** The case row, locked for update on PostgreSQL until the transaction ends (SQLite runs one transaction at a time). */
const CASE_BY_ID_FOR_UPDATE: Sql = {
  postgres: 'SELECT * FROM "cases" WHERE id = $1 FOR UPDATE',
  sqlite: 'SELECT * FROM "cases" WHERE id = ?',
};

/**
 * On PostgreSQL the parties come aggregated as JSON beside the case (one round trip); their
 * columns are text and small integers, which JSON gives back as the driver reads them.
 */
const CASE_WITH_PARTIES_BY_ID: Sql = {
  postgres: `SELECT c.*, (SELECT coalesce(json_agg(p), '[]'::json) FROM "case_parties" p WHERE p."caseId" = c.id) AS parties FROM "cases" c WHERE c.id = $1`,
};

const PARTIES_OF_CASE: Sql = {
  postgres: 'SELECT * FROM "case_parties" WHERE "caseId" = $1',
  sqlite: 'SELECT * FROM "case_parties" WHERE "caseId" = ?',
};

/** Served by IDX_cases_court_case: a registration reads only the cases of its own court case. */
const OPEN_FOR_COURT_CASE: Sql = {
  postgres: `SELECT id FROM "cases" WHERE court = $1 AND "courtCaseNumber" = $2 AND state <> 'archived' ORDER BY "createdAt" ASC`,
  sqlite: `SELECT id FROM "cases" WHERE court = ? AND "courtCaseNumber" = ? AND state <> 'archived' ORDER BY "createdAt" ASC`,
};

const SECRETARIES_OF_CASES: Sql = {
  postgres: 'SELECT id, "responsibleSecretaryId" FROM "cases" WHERE id = ANY($1)',
  sqlite: 'SELECT id, "responsibleSecretaryId" FROM "cases" WHERE id IN (SELECT value FROM json_each(?))',
};

const REGISTRATION_LOCK: Sql = { postgres: 'SELECT pg_advisory_xact_lock($1, hashtext($2))' };

const INSERT_CASE: Sql = {
  postgres:
    'INSERT INTO "cases" (id, "machineVersion", state, "subState", snapshot, version, court, "courtCaseNumber", "periodStart", "periodEnd", "supporterId", "diaryNumber", "responsibleSecretaryId", "createdAt", "updatedAt") ' +
    'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)',
  sqlite:
    'INSERT INTO "cases" (id, "machineVersion", state, "subState", snapshot, version, court, "courtCaseNumber", "periodStart", "periodEnd", "supporterId", "diaryNumber", "responsibleSecretaryId", "createdAt", "updatedAt") ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
};

/** Every party of a registration in one statement, whatever their number. */
const INSERT_PARTIES: Sql = {
  postgres:
    'INSERT INTO "case_parties" (id, "caseId", role, position, name, "personnummerCiphertext", "personnummerHash", "addressCiphertext", protection, custody) ' +
    'SELECT id, "caseId", role, position, name, "personnummerCiphertext", "personnummerHash", "addressCiphertext", protection, custody FROM json_populate_recordset(NULL::"case_parties", $1)',
  sqlite:
    'INSERT INTO "case_parties" (id, "caseId", role, position, name, "personnummerCiphertext", "personnummerHash", "addressCiphertext", protection, custody) ' +
    `SELECT value ->> 'id', value ->> 'caseId', value ->> 'role', value ->> 'position', value ->> 'name', value ->> 'personnummerCiphertext', value ->> 'personnummerHash', value ->> 'addressCiphertext', value ->> 'protection', value ->> 'custody' FROM json_each(?)`,
};

const INSERT_HISTORY: Sql = {
  postgres:
    'INSERT INTO "case_history" ("caseId", version, type, payload, "fromState", "toState", at, "actorId", "actorRole") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
  sqlite:
    'INSERT INTO "case_history" ("caseId", version, type, payload, "fromState", "toState", at, "actorId", "actorRole") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
};

/**
 * A changed case over its row as it stood at the version it was decided on, then its history
 * entry for the row it changed, none when it changed none (a versioned update that lost a race):
 * on PostgreSQL in one statement, the insert reading the update's RETURNING, which saves a round trip.
 */
const REPLACE_WITH_HISTORY: Sql = {
  postgres: `WITH changed AS (
  UPDATE "cases" SET "machineVersion" = $1, state = $2, "subState" = $3, snapshot = $4, "supporterId" = $5, "diaryNumber" = $6, version = $7, "updatedAt" = $8
  WHERE id = $9 AND version = $10 RETURNING 1
) INSERT INTO "case_history" ("caseId", version, type, payload, "fromState", "toState", at, "actorId", "actorRole")
SELECT $11, $12, $13, $14, $15, $16, $17, $18, $19 FROM changed`,
};

const REPLACE_SQLITE: Sql = {
  sqlite:
    'UPDATE "cases" SET "machineVersion" = ?, state = ?, "subState" = ?, snapshot = ?, "supporterId" = ?, "diaryNumber" = ?, version = ?, "updatedAt" = ? WHERE id = ? AND version = ?',
};

/**
 * The case aggregate's rows (case, parties, history), read and written inside the caller's
 * transaction: the command path's statements. A case is never written without its history entry.
 */
@Injectable()
export class CasesRepository {
  async load(manager: EntityManager, caseId: string): Promise<CaseRecord | null> {
    const { records } = await run(manager, CASE_BY_ID, [caseId]);
    return records.length > 0 ? RowMapper.of(manager, CaseRecord).entity(records[0]) : null;
  }

  /** The case row, locked until the transaction ends on PostgreSQL: writes to one case's file take turns. */
  async loadForUpdate(manager: EntityManager, caseId: string): Promise<CaseRecord | null> {
    const { records } = await run(manager, CASE_BY_ID_FOR_UPDATE, [caseId]);
    return records.length > 0 ? RowMapper.of(manager, CaseRecord).entity(records[0]) : null;
  }

  /** The case with its parties, for an answer that shows them: on PostgreSQL in one round trip. */
  async loadWithParties(
    manager: EntityManager,
    caseId: string,
  ): Promise<{ record: CaseRecord; parties: CaseParty[] } | null> {
    if (dialectOf(manager) === 'sqlite') {
      const record = await this.load(manager, caseId);
      return record ? { record, parties: await this.parties(manager, caseId) } : null;
    }
    const { records } = await run(manager, CASE_WITH_PARTIES_BY_ID, [caseId]);
    if (records.length === 0) return null;
    const raw = records[0];
    return {
      record: RowMapper.of(manager, CaseRecord).entity(raw),
      parties: RowMapper.of(manager, CaseParty).entities(raw.parties as Record<string, unknown>[]),
    };
  }

  async parties(manager: EntityManager, caseId: string): Promise<CaseParty[]> {
    const { records } = await run(manager, PARTIES_OF_CASE, [caseId]);
    return RowMapper.of(manager, CaseParty).entities(records);
  }

  /**
   * The open cases (not archived) registered for one court case, oldest first. On PostgreSQL the
   * registrations of one court case take turns first (a lock on its court and number, held to the
   * commit), so a judgment sent twice at once finds the first registration instead of missing it.
   */
  async openFor(manager: EntityManager, court: string, courtCaseNumber: string): Promise<string[]> {
    if (dialectOf(manager) === 'postgres') {
      await run(manager, REGISTRATION_LOCK, [REGISTRATION_LOCK_CLASS, `${court}\n${courtCaseNumber}`]);
    }
    const { records } = await run(manager, OPEN_FOR_COURT_CASE, [court, courtCaseNumber]);
    return records.map((row) => row.id as string);
  }

  /** Each case's responsible secretary (token subject), null where none is named. */
  async responsibleSecretaries(
    manager: EntityManager,
    caseIds: readonly string[],
  ): Promise<Map<string, string | null>> {
    if (caseIds.length === 0) return new Map();
    const { records } = await run(manager, SECRETARIES_OF_CASES, [listParameter(manager, caseIds)]);
    return new Map(records.map((row) => [row.id as string, (row.responsibleSecretaryId as string | null) ?? null]));
  }

  /** A new case: its row, its parties and the history entry of its registration. */
  async insert(manager: EntityManager, change: CaseChange, parties: CaseParty[]): Promise<void> {
    await run(manager, INSERT_CASE, RowMapper.of(manager, CaseRecord).values(change.record, CASE_COLUMNS));
    if (parties.length > 0)
      await run(manager, INSERT_PARTIES, [RowMapper.of(manager, CaseParty).json(parties, PARTY_COLUMNS)]);
    await run(
      manager,
      INSERT_HISTORY,
      RowMapper.of(manager, CaseHistoryEntry).values(historyEntry(change), HISTORY_COLUMNS),
    );
  }

  /**
   * Writes the changed case over its row as it stood at `expectedVersion`, with the change's
   * history entry. False when another process moved the case in between (PostgreSQL): then
   * nothing is written.
   */
  async replace(manager: EntityManager, change: CaseChange, expectedVersion: number): Promise<boolean> {
    const changed = [
      ...RowMapper.of(manager, CaseRecord).values(change.record, CHANGED_COLUMNS),
      change.record.id,
      expectedVersion,
    ];
    const history = RowMapper.of(manager, CaseHistoryEntry).values(historyEntry(change), HISTORY_COLUMNS);
    if (dialectOf(manager) === 'postgres') {
      const { affected } = await run(manager, REPLACE_WITH_HISTORY, [...changed, ...history]);
      return affected !== 0;
    }
    const { affected } = await run(manager, REPLACE_SQLITE, changed);
    if (affected === 0) return false;
    await run(manager, INSERT_HISTORY, history);
    return true;
  }

  /** The case's appointing decisions (appointments and replacements) from its history, in order. */
  appointingEntries(manager: EntityManager, caseId: string): Promise<CaseHistoryEntry[]> {
    return manager.find(CaseHistoryEntry, {
      where: { caseId, type: In(['APPOINT_SUPPORTER', 'REPLACE_SUPPORTER']) },
      order: { version: 'ASC' },
    });
  }

  /** What a supporter's reach is decided on: state, supporter and snapshot. */
  reachFacts(manager: EntityManager, caseId: string): Promise<CaseRecord | null> {
    return manager.findOne(CaseRecord, {
      where: { id: caseId },
      select: { id: true, state: true, supporterId: true, snapshot: true },
    });
  }

  /** The ids of the open cases stored under one of these machine versions (served by the index on (machineVersion, state)). */
  async openUnderVersions(manager: EntityManager, versions: string[]): Promise<string[]> {
    const rows = await manager.find(CaseRecord, {
      select: { id: true },
      where: { machineVersion: In(versions), state: Not('archived') },
    });
    return rows.map((row) => row.id);
  }

  async setResponsibleSecretary(manager: EntityManager, caseId: string, secretaryId: string): Promise<void> {
    await manager.update(CaseRecord, { id: caseId }, { responsibleSecretaryId: secretaryId });
  }

  /** How many assignments each supporter (or the one named) holds now: cases not archived that name them as the supporter. */
  async activeAssignments(manager: EntityManager, supporterId?: string): Promise<Map<string, number>> {
    const query = manager
      .createQueryBuilder(CaseRecord, 'c')
      .select('c.supporterId', 'supporterId')
      .addSelect('COUNT(*)', 'assignments')
      .where('c.state <> :archived', { archived: 'archived' })
      .andWhere('c.supporterId IS NOT NULL')
      .groupBy('c.supporterId');
    if (supporterId) query.andWhere('c.supporterId = :supporterId', { supporterId });
    const rows = await query.getRawMany<{ supporterId: string; assignments: string | number }>();
    return new Map(rows.map((row) => [row.supporterId, Number(row.assignments)]));
  }

  /** The case's parties, by role then position (children in the judgment's order). */
  partiesInOrder(manager: EntityManager, caseId: string): Promise<CaseParty[]> {
    return manager.find(CaseParty, { where: { caseId }, order: { role: 'ASC', position: 'ASC' } });
  }

  /** The case's children, in the judgment's order. */
  children(manager: EntityManager, caseId: string): Promise<CaseParty[]> {
    return manager.find(CaseParty, { where: { caseId, role: 'child' }, order: { position: 'ASC' } });
  }

  child(manager: EntityManager, caseId: string, position: number): Promise<CaseParty | null> {
    return manager.findOneBy(CaseParty, { caseId, role: 'child', position });
  }

  party(manager: EntityManager, caseId: string, partyId: string): Promise<CaseParty | null> {
    return manager.findOneBy(CaseParty, { id: partyId, caseId });
  }

  async updateParty(manager: EntityManager, partyId: string, changes: Partial<CaseParty>): Promise<void> {
    await manager.update(CaseParty, { id: partyId }, changes);
  }

  /** Each case's diary number, null where it has none yet. */
  async diaryNumbers(manager: EntityManager, caseIds: string[]): Promise<Map<string, string | null>> {
    if (caseIds.length === 0) return new Map();
    const rows = await manager.find(CaseRecord, {
      where: { id: In(caseIds) },
      select: { id: true, diaryNumber: true },
    });
    return new Map(rows.map((row) => [row.id, row.diaryNumber]));
  }

  /** The open (not archived) cases a secretary answers for. */
  openOfSecretary(manager: EntityManager, secretaryId: string): Promise<CaseRecord[]> {
    return manager.findBy(CaseRecord, { responsibleSecretaryId: secretaryId, state: Not('archived') });
  }

  /** How many cases stand in each state and sub-state. */
  async countsByState(manager: EntityManager): Promise<{ state: string; subState: string | null; count: number }[]> {
    const rows = await manager
      .createQueryBuilder(CaseRecord, 'c')
      .select('c.state', 'state')
      .addSelect('c.subState', 'subState')
      .addSelect('COUNT(*)', 'count')
      .groupBy('c.state')
      .addGroupBy('c.subState')
      .getRawMany<{ state: string; subState: string | null; count: string | number }>();
    return rows.map((row) => ({ state: row.state, subState: row.subState, count: Number(row.count) }));
  }

  /** The case's history, in order. */
  history(manager: EntityManager, caseId: string): Promise<CaseHistoryEntry[]> {
    return manager.find(CaseHistoryEntry, { where: { caseId }, order: { version: 'ASC' } });
  }

  /**
   * History entries of every case as the inspector's feed reads them (no payload): the `limit`
   * latest when `afterId` is null, else those after it, oldest first.
   */
  historySince(manager: EntityManager, afterId: number | null, limit: number): Promise<CaseHistoryEntry[]> {
    return manager.find(CaseHistoryEntry, {
      select: { id: true, caseId: true, version: true, type: true, fromState: true, toState: true, at: true },
      where: afterId === null ? {} : { id: MoreThan(afterId) },
      order: { id: afterId === null ? 'DESC' : 'ASC' },
      take: limit,
    });
  }
}

/** A change's history entry: the event's payload, the states before and after, who and when. */
function historyEntry(change: CaseChange): Partial<CaseHistoryEntry> {
  const { type, at, ...payload } = change.event as { type: string; at: string } & Record<string, unknown>;
  return {
    caseId: change.record.id,
    version: change.record.version,
    type,
    payload,
    fromState: change.fromState,
    toState: change.record.state,
    at: new Date(at),
    actorId: change.actor.id,
    actorRole: change.actor.role,
  };
}
