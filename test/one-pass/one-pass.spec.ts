import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { recordStatements, summarize } from '../../src/database/statement-recorder.js';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

const VISIT = { type: 'LOG_VISIT', occurredAt: '2026-12-01T10:00:00+01:00', durationMinutes: 90, outcome: 'completed' };

describe.each(DATABASES)('one request, one pass through the database (%s)', (database) => {
  let t: TestApp;
  let dataSource: DataSource;
  let caseId: string;
  let supporterId: string;

  beforeAll(async () => {
    // No worker in this process: the statements recorded are the request's alone.
    t = await startTestApp({ database, env: { RUN_WORKER: 'false' } });
    t.clock.setNow('2026-12-02T09:00:00+01:00');
    dataSource = t.app.get(DataSource);
    supporterId = await registerSupporter(t);
    caseId = await registerCase(t);
    for (const event of stepsTo('activeVisits', supporterId)) await send(t, caseId, event);
  });
  afterAll(() => t.close());

  it('logs a supporter’s visit in one transaction that reads the case once and no row twice, its audit entry in it', async () => {
    const auditBefore = (await t.as('administrator').get('/audit').query({ caseId, limit: 1 }).expect(200)).body
      .total as number;
    const { result, statements } = await recordStatements(dataSource, () =>
      t.as('supporter', { supporterId }).post(`/cases/${caseId}/events`).send(VISIT),
    );
    expect(result.status).toBe(200);
    expect(result.body.visits).toEqual([expect.objectContaining({ outcome: 'completed', durationMinutes: 90 })]);
    const summary = summarize(statements);
    expect({ transactions: summary.transactions, units: summary.units }).toEqual({ transactions: 1, units: 1 });
    expect(summary.readsByTable.cases).toBe(1);
    expect(summary.readsByTable.deadlines).toBe(1);
    expect(summary.repeatedReads).toEqual([]);
    expect(statements.filter((s) => /^INSERT INTO "audit_trail"/i.test(s.sql))).toHaveLength(1);
    const audit = await t.as('administrator').get('/audit').query({ caseId, limit: 200 }).expect(200);
    expect(audit.body.total).toBe(auditBefore + 1);
    expect(audit.body.items.at(-1)).toMatchObject({
      user: { id: 'test-supporter', role: 'supporter' },
      action: 'write',
      resource: 'POST /cases/:id/events',
      allowed: true,
      status: 200,
    });
  });

  it('writes each of many events sent at once its own audit entry, in the transaction of its own case', async () => {
    const cases: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await registerCase(t, { courtCaseNumber: `T ${4800 + i}-26` });
      const own = await registerSupporter(t, `Stöd ${i}`);
      for (const event of stepsTo('activeVisits', own)) await send(t, id, event);
      cases.push(id);
    }
    // Sent together, they share SQLite's commit groups: each must still carry its own request's entry.
    await Promise.all(cases.map((id) => t.http.post(`/cases/${id}/events`).send(VISIT).expect(200)));
    for (const id of cases) {
      const entries = (await t.as('administrator').get('/audit').query({ caseId: id, limit: 200 }).expect(200)).body
        .items as { resource: string; status: number }[];
      expect(entries.filter((e) => e.resource === 'POST /cases/:id/events').map((e) => e.status)).toEqual([
        ...stepsTo('activeVisits', supporterId).map(() => 200),
        200,
      ]);
    }
  });

  it('registers a case in one transaction and answers from what it wrote, without reading it back', async () => {
    const { result, statements } = await recordStatements(dataSource, () =>
      t.http.post('/cases').send(aJudgment({ courtCaseNumber: 'T 4711-26' })),
    );
    expect(result.status).toBe(201);
    const summary = summarize(statements);
    expect({ transactions: summary.transactions, units: summary.units }).toEqual({ transactions: 1, units: 1 });
    expect(summary.readsByTable.case_parties).toBeUndefined();
    expect(summary.repeatedReads).toEqual([]);
    expect(statements.filter((s) => /^INSERT INTO "audit_trail"/i.test(s.sql))).toHaveLength(1);
  });

  it('refuses a supporter another case’s events as if it did not exist, audited as a refusal, with nothing written', async () => {
    const other = await registerSupporter(t, 'Per Holm');
    const { result, statements } = await recordStatements(dataSource, () =>
      t.as('supporter', { supporterId: other }).post(`/cases/${caseId}/events`).send(VISIT),
    );
    expect(result.status).toBe(404);
    expect(statements.filter((s) => /^(INSERT INTO|UPDATE) "(cases|visits|case_history)"/i.test(s.sql))).toEqual([]);
    const audit = await t.as('administrator').get('/audit').query({ caseId, limit: 200 }).expect(200);
    expect(audit.body.items.at(-1)).toMatchObject({
      user: { role: 'supporter' },
      resource: 'POST /cases/:id/events',
      allowed: false,
      status: 404,
    });
    const nowhere = '00000000-0000-4000-8000-000000000000';
    // Another supporter: the first refusal of each user and minute is filed at once, the rest counted at the minute's end.
    await t
      .as('supporter', { supporterId: other, sub: 'another-supporter' })
      .post(`/cases/${nowhere}/events`)
      .send(VISIT)
      .expect(404);
    const probe = await t.as('administrator').get('/audit').query({ caseId: nowhere, limit: 10 }).expect(200);
    expect(probe.body.items).toEqual([expect.objectContaining({ allowed: false, status: 404 })]);
  });
});
