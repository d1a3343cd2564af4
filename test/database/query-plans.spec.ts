import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, type EntityManager } from 'typeorm';
import { recordStatements, type RecordedStatement } from '../../src/database/statement-recorder.js';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { DATABASES, startTestApp, type TestApp, type TestDatabase } from '../support/test-app.js';

/**
 * Tables that grow with the cases, their visits, their history or the audit trail: a statement
 * that reads every row of one costs more with every case a unit registers. (Supporters, staff,
 * the unit's details, preferences and calendar tokens grow with the people, not the cases.)
 */
const GROWING = new Set([
  'cases',
  'case_parties',
  'case_history',
  'case_retention',
  'deadlines',
  'alerts',
  'audit_trail',
  'visits',
  'visit_plans',
  'visit_reports',
  'documents',
  'child_interviews',
  'interview_consents',
  'notification_items',
  'notification_mails',
  'disposed_cases',
]);

const VISIT = { type: 'LOG_VISIT', occurredAt: '2026-12-01T10:00:00+01:00', durationMinutes: 90, outcome: 'completed' };

/** A statement that reads rows (an insert of values reads none). */
const READS = /^\s*(SELECT|UPDATE|DELETE|WITH)\b/i;

interface FullScan {
  table: string;
  plan: string;
}

/**
 * SQLite's query plan: `SCAN t` (with or without an index) walks all of t, `SEARCH t` seeks in an
 * index. A scan in an index's order that a LIMIT stops (nothing sorted afterwards) reads only its page.
 */
function sqliteFullScans(sql: string, plan: { detail: string }[]): FullScan[] {
  const limited = /\bLIMIT\b/i.test(sql) && !plan.some((row) => /USE TEMP B-TREE/.test(row.detail));
  return plan.flatMap(({ detail }) => {
    const scan = /^SCAN "?(\w+)"?/.exec(detail);
    if (!scan || !GROWING.has(scan[1])) return [];
    if (limited && / USING (COVERING )?INDEX |^SCAN \w+$/.test(detail)) return [];
    return [{ table: scan[1], plan: detail }];
  });
}

interface PostgresNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  Plans?: PostgresNode[];
}

/**
 * PostgreSQL's plan, asked with sequential scans priced out (`enable_seqscan = off`), so a
 * sequential scan left in it means no index could serve the statement; an index walked whole
 * (no condition) counts as a full scan unless a Limit above it stops the walk.
 */
function postgresFullScans(node: PostgresNode, underLimit = false): FullScan[] {
  const limited = underLimit || node['Node Type'] === 'Limit';
  const table = node['Relation Name'];
  const own: FullScan[] = [];
  if (table && GROWING.has(table)) {
    const type = node['Node Type'];
    if (type === 'Seq Scan' || (/^Index (Only )?Scan$/.test(type) && !node['Index Cond'] && !limited))
      own.push({ table, plan: type });
  }
  return [...own, ...(node.Plans ?? []).flatMap((child) => postgresFullScans(child, limited))];
}

async function fullScans(manager: EntityManager, database: TestDatabase, statement: RecordedStatement) {
  if (database === 'sqlite') {
    const plan = await manager.query<
      {
        detail: string;
      }[]
    >(`EXPLAIN QUERY PLAN ${statement.sql}`, [...statement.parameters]);
    return sqliteFullScans(statement.sql, plan);
  }
  const [{ 'QUERY PLAN': plan }] = await manager.query<{ 'QUERY PLAN': { Plan: PostgresNode }[] }[]>(
    `EXPLAIN (FORMAT JSON) ${statement.sql}`,
    [...statement.parameters],
  );
  return postgresFullScans(plan[0].Plan);
}

describe.each(DATABASES)('every query of the case routine reads through an index (%s)', (database) => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    // No worker: the statements recorded are the requests' own.
    t = await startTestApp({ database, env: { RUN_WORKER: 'false' } });
    t.clock.setNow('2026-12-02T09:00:00+01:00');
    dataSource = t.app.get(DataSource);
    // A unit some way along: cases in every early state, visits logged, their history and audit trail.
    for (let i = 0; i < 12; i++) {
      const caseId = await registerCase(t);
      const steps = stepsTo('activeVisits', await registerSupporter(t, `Stöd ${i}`)).slice(0, i % 6);
      for (const event of steps) await send(t, caseId, event);
      if (steps.length === 5) await send(t, caseId, VISIT);
    }
    // PostgreSQL's statistics, as autovacuum keeps them; SQLite without any assumes large tables, as a unit's are after some years.
    if (database === 'postgres') await dataSource.query('ANALYZE');
  }, 180_000);
  afterAll(() => t.close());

  it('scans no table that grows with the cases while a case is registered, run, read and listed', async () => {
    const { statements } = await recordStatements(dataSource, async () => {
      const supporterId = await registerSupporter(t, 'Per Holm');
      const judgment = aJudgment();
      const caseId = (await t.http.post('/cases').send(judgment).expect(201)).body.id as string;
      // The duplicate check, refused and then confirmed.
      await t.http
        .post('/cases')
        .send({ ...judgment, courtCaseNumber: judgment.courtCaseNumber })
        .expect(409);
      await t.http
        .post('/cases')
        .send({ ...judgment, confirmDuplicateOf: caseId })
        .expect(201);
      for (const event of stepsTo('activeVisits', supporterId)) await send(t, caseId, event);
      await send(t, caseId, VISIT);
      await send(t, caseId, { ...VISIT, outcome: 'stopped', stopReason: 'childUnwell' });
      await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'Föräldrarna fortsätter utan stöd' });
      await t.http.get(`/cases/${caseId}`).expect(200);
      await t.http.get(`/cases/${caseId}/history`).expect(200);
      await t.http.get('/cases').query({ state: 'closing', limit: 20 }).expect(200);
      await t.http.get('/alerts').query({ caseId }).expect(200);
      await t.as('administrator').get('/audit').query({ caseId, limit: 20 }).expect(200);
    });
    const reads = new Map<string, RecordedStatement>();
    for (const statement of statements) if (READS.test(statement.sql)) reads.set(statement.sql, statement);
    expect(reads.size).toBeGreaterThan(10);
    const scans: { sql: string; scans: FullScan[] }[] = [];
    const runner = dataSource.createQueryRunner();
    try {
      if (database === 'postgres') await runner.query('SET enable_seqscan = off');
      for (const statement of reads.values()) {
        const found = await fullScans(runner.manager, database, statement);
        if (found.length > 0) scans.push({ sql: statement.sql, scans: found });
      }
    } finally {
      if (database === 'postgres') await runner.query('RESET enable_seqscan');
      await runner.release();
    }
    expect(scans).toEqual([]);
  }, 120_000);
});
