import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { eventually } from '../deadlines/deadline-support.js';
import { STOPPED_VISIT } from '../notifications/mail-support.js';
import { caseIn, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

/** A PDF whose bytes carry a marker, to find any trace of it afterwards. */
const MARKER = 'GALLRA-MIG-4711';
const DIARY_NUMBER = 'SN 2026/0777';
const MAILBOX = 'familjeratten@kommun.example';
const PDF = Buffer.from(`%PDF-1.4\n% ${MARKER}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, 'latin1');

/** Every byte the service keeps on disk under its data directory (the SQLite file, its log, any upload). */
function filesUnder(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? filesUnder(path) : readFileSync(path).toString('utf8')))
    .join('\n');
}

/** Every row of every table of the test's PostgreSQL schema, bytes included, as text. */
async function postgresDump(t: TestApp): Promise<string> {
  const dataSource = t.app.get(DataSource);
  const tables = await dataSource.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
  );
  const rows: unknown[] = [];
  for (const { table_name } of tables)
    rows.push(...(await dataSource.query<unknown[]>(`SELECT * FROM "${table_name}"`)));
  return JSON.stringify(rows, (_, value: unknown) =>
    value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer'
      ? Buffer.from((value as { data: number[] }).data).toString('latin1')
      : value,
  );
}

describe.each(DATABASES)('disposal of case files (gallring) (%s)', (database) => {
  let t: TestApp;
  const gone = aJudgment({
    residentParent: { name: 'Ebba Gallringsson', personnummer: aJudgment().residentParent.personnummer },
  });
  let disposedId: string;
  let outboxDir: string;
  let keptArchivedId: string;
  let activeId: string;

  const archive = async (caseId: string, on: string) => {
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'Föräldrarna klarar umgänget själva' });
    await send(t, caseId, { type: 'HOLD_CLOSING_MEETING', heldAt: on });
    // The file is archived whole: a report that never came is recorded as such.
    const { visits } = (await t.http.get(`/cases/${caseId}/visits`).expect(200)).body;
    for (const visit of visits as { id: string; reportMissing: boolean }[]) {
      if (!visit.reportMissing) continue;
      await t.http
        .post(`/cases/${caseId}/visits/${visit.id}/report-waiver`)
        .send({ reason: 'Rapporten kom aldrig in' })
        .expect(201);
    }
    await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: on });
  };

  beforeAll(async () => {
    // No research sample here: whoever the test numbers are, this test is about what disposal removes.
    t = await startTestApp({
      database,
      env: { RETENTION_YEARS: '1', NOTIFY_FALLBACK_EMAIL: MAILBOX, DISPOSAL_KEPT_BIRTH_DAYS: 'none' },
    });
    t.clock.setNow('2026-12-10T12:00:00+01:00');
    const supporterId = await registerSupporter(t);
    disposedId = (
      await t.http
        .post('/cases')
        .send({
          ...gone,
          residentParent: {
            ...gone.residentParent,
            address: { street: 'Gallringsgatan 1', postalCode: '753 20', city: 'Uppsala' },
          },
        })
        .expect(201)
    ).body.id;
    for (const event of stepsTo('activeVisits', supporterId))
      await send(t, disposedId, event.type === 'INITIATE' ? { ...event, diaryNumber: DIARY_NUMBER } : event);
    // A stopped visit raises an alert, told by mail: its row, its item and its .eml must go with the case.
    await send(t, disposedId, STOPPED_VISIT);
    outboxDir = join(t.config.dataDir, 'outbox');
    await eventually(() =>
      expect(existsSync(outboxDir) && readdirSync(outboxDir).some((f) => f.endsWith('.eml'))).toBe(true),
    );
    await t.http
      .post(`/cases/${disposedId}/documents/uploads`)
      .attach('file', PDF, { filename: 'blankett.pdf', contentType: 'application/pdf' })
      .field('kind', 'enrollmentForm')
      .field('title', 'Inskrivningsblankett')
      .field('date', '2026-11-24')
      .field('author', 'Ebba Gallringsson')
      .field('status', 'received')
      .field('recipients', 'Ebba Gallringsson')
      .expect(201);
    await archive(disposedId, '2026-12-10T10:00:00+01:00');
    keptArchivedId = await caseIn(t, 'initiated', {
      residentParent: { name: 'Bodil Behållsdotter', personnummer: aJudgment().residentParent.personnummer },
    });
    t.clock.setNow('2027-06-01T12:00:00+02:00');
    await archive(keptArchivedId, '2027-06-01T10:00:00+02:00');
    activeId = await caseIn(t, 'initiated');
    t.clock.setNow('2027-12-11T12:00:00+01:00');
  });
  afterAll(() => t.close());

  it('lists the cases past their disposal date to the administrator only', async () => {
    const due = await t.as('administrator').get('/disposals/due').expect(200);
    expect(due.body).toEqual({
      items: [
        {
          caseId: disposedId,
          state: 'archived',
          archivedAt: expect.any(String),
          disposalDate: '2027-12-10',
          notificationMails: [expect.any(String)],
          outboxFiles: [expect.stringMatching(/\.eml$/)],
        },
      ],
      total: 1,
      kept: [],
    });
    await t.http.get('/disposals/due').expect(403);
    await t.http.post('/disposals').send({ dryRun: false }).expect(403);
  });

  it('shows in a dry run what would go, and removes nothing', async () => {
    const dry = await t.as('administrator').post('/disposals').send({ dryRun: true }).expect(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      total: 1,
      items: [{ caseId: disposedId, notificationMails: [expect.any(String)], outboxFiles: [expect.any(String)] }],
    });
    expect(readdirSync(outboxDir)).toContain(dry.body.items[0].outboxFiles[0]);
    await t.http.get(`/cases/${disposedId}`).expect(200);
    expect((await t.as('administrator').get('/disposals').expect(200)).body.total).toBe(0);
  });

  it('removes exactly that case’s personal data, documents and files, keeps an anonymous stub and audits it', async () => {
    const yearOf = async () =>
      (await t.as('administrator').get('/statistics?from=2026-01-01&to=2026-12-31').expect(200)).body.cases;
    const before = await yearOf();
    const real = await t.as('administrator').post('/disposals').send({ dryRun: false }).expect(200);
    // The committee's statistics still count the disposed case, through its stub.
    expect(await yearOf()).toMatchObject({ opened: before.opened, archived: before.archived });
    expect(before.archived).toBe('<5');
    expect(real.body).toMatchObject({ dryRun: false, total: 1 });
    expect(real.body.items[0]).toEqual({
      caseId: disposedId,
      state: 'archived',
      registeredAt: expect.stringMatching(/^2026-12-10T11:00/),
      periodStart: gone.periodStart,
      periodEnd: gone.periodEnd,
      archivedAt: expect.stringMatching(/^2026-12-10T11:00/),
      disposalDate: '2027-12-10',
      disposedAt: expect.stringMatching(/^2027-12-11T11:00/),
      counts: { children: 1, visits: 1, visitReports: 0, documents: 1, historyEntries: 11 },
    });
    await t.http.get(`/cases/${disposedId}`).expect(404);
    await t.http.get(`/cases/${keptArchivedId}`).expect(200);
    await t.http.get(`/cases/${activeId}`).expect(200);
    expect(
      (await t.http.post('/cases/search').send({ personnummer: gone.residentParent.personnummer }).expect(200)).body
        .total,
    ).toBe(0);

    const statistics = await t.as('administrator').get('/disposals').expect(200);
    expect(statistics.body).toEqual({ items: real.body.items, total: 1 });
    const audit = await t.as('administrator').get(`/audit?caseId=${disposedId}&limit=200`).expect(200);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          resource: 'DISPOSE case file (gallring)',
          user: { id: 'test-administrator', role: 'administrator' },
        }),
      ]),
    );
    expect((await t.as('administrator').get('/disposals/due').expect(200)).body.total).toBe(0);
  });

  it('leaves no trace of the disposed case in the database or the data directory, and everything of the others', async () => {
    const stored = database === 'sqlite' ? filesUnder(t.config.dataDir) : await postgresDump(t);
    expect(stored.length).toBeGreaterThan(0);
    for (const trace of ['Gallringsson', 'Gallringsgatan', MARKER, gone.residentParent.personnummer, DIARY_NUMBER])
      expect(stored).not.toContain(trace);
    expect(stored).toContain('Bodil Behållsdotter');
    expect((await t.as('administrator').get('/notifications').expect(200)).body.total).toBe(0);
  });

  it('keeps the case id only in the anonymous stub and the audit entries that point to it', async () => {
    const dataSource = t.app.get(DataSource);
    const tables = dataSource.entityMetadatas.map((entity) => entity.tableName);
    for (const table of tables.filter((name) => !['disposed_cases', 'audit_trail'].includes(name))) {
      const rows = await dataSource.query<unknown[]>(`SELECT * FROM ${dataSource.driver.escape(table)}`);
      expect([table, JSON.stringify(rows).includes(disposedId)]).toEqual([table, false]);
    }
    const files = readdirSync(t.config.dataDir, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.includes(disposedId))).toEqual([]);
  });

  it('disposes of each case once when two administrators start the disposal at the same moment', async () => {
    t.clock.setNow('2029-01-10T12:00:00+01:00');
    const due = (await t.as('administrator').get('/disposals/due').expect(200)).body.items.map(
      (item: { caseId: string }) => item.caseId,
    );
    expect(due).toEqual([keptArchivedId]);
    const runs = await Promise.all([1, 2].map(() => t.as('administrator').post('/disposals').send({ dryRun: false })));
    expect(runs.map((res) => res.status)).toEqual([200, 200]);
    expect(runs.flatMap((res) => res.body.items.map((item: { caseId: string }) => item.caseId))).toEqual([
      keptArchivedId,
    ]);
    expect((await t.as('administrator').get('/disposals').expect(200)).body.total).toBe(2);
    await t.http.get(`/cases/${keptArchivedId}`).expect(404);
    await t.http.get(`/cases/${activeId}`).expect(200);
  });
});
