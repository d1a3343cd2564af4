import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { acceptBaseline, BASELINE_RESOURCE } from '../../src/audit/audit-baseline.js';
import { verifyAuditTrail } from '../../src/audit/audit-verification.js';
import { readHead } from '../../src/audit/chain-anchor.js';
import { SQLITE_TRAIL_TRIGGERS } from '../../src/database/audit-protection.js';
import { standaloneDataSourceOptions } from '../../src/entities.js';
import { Metrics } from '../../src/metrics/metrics.service.js';
import { registerCase } from '../support/case-steps.js';
import { DATABASES, type TestApp } from '../support/test-app.js';
import { DeadlineRig } from '../deadlines/deadline-support.js';

/** What an attacker with write access to the database does: lift the delete guard, delete the last entries, put the guard back. */
async function cutTail(dataSource: DataSource, entries: number): Promise<void> {
  const postgres = dataSource.options.type === 'postgres';
  await dataSource.transaction(async (manager) => {
    if (postgres) await manager.query('ALTER TABLE audit_trail DISABLE TRIGGER audit_trail_append_only');
    else await manager.query('DROP TRIGGER audit_trail_no_delete');
    await manager.query(`DELETE FROM audit_trail WHERE seq > (SELECT MAX(seq) FROM audit_trail) - ${entries}`);
    if (postgres) await manager.query('ALTER TABLE audit_trail ENABLE TRIGGER audit_trail_append_only');
    else await manager.query(SQLITE_TRAIL_TRIGGERS.audit_trail_no_delete);
  });
}

async function lastSeq(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query<{ seq: number }[]>('SELECT MAX(seq) AS seq FROM audit_trail');
  return Number(row.seq);
}

describe.each(DATABASES)('an audit trail whose last entries were deleted (%s)', (database) => {
  let rig: DeadlineRig;
  let t: TestApp;

  beforeEach(async () => {
    rig = await DeadlineRig.create(database);
    rig.clock.setNow('2026-11-20T10:00:00+01:00');
    t = await rig.startService({ runWorker: false });
  });
  afterEach(() => rig.dispose());

  /** After the cut: nothing audited gets through, verify and health say so, and the exported head stays where it was. */
  async function expectHalted(app: TestApp, caseId: string, highest: number): Promise<void> {
    const dataSource = app.app.get(DataSource);
    const before = await lastSeq(dataSource);
    const refused = await app.http.get(`/cases/${caseId}`).expect(503);
    expect(refused.body.message).toMatch(/Granskningsloggen är stoppad.*audit:accept-baseline.*entries were cut/);
    await app.http.post('/cases').send({}).expect(503);
    expect(await lastSeq(dataSource)).toBe(before);

    expect(await verifyAuditTrail(dataSource, app.config)).toEqual({
      intact: false,
      problem: expect.stringMatching(new RegExp(`ends at entry ${before}, but entry ${highest} was exported.*cut`)),
    });
    const health = await app.anonymous.get('/health').expect(503);
    expect(health.body.error.audit).toMatchObject({ status: 'down' });
    expect(await app.app.get(Metrics).render()).toMatch(/^audit_trail_halted 1$/m);
    expect((await readHead(app.config.audit.headPath))?.seq).toBe(highest);
  }

  it('refuses every audited request while the service runs on, until an operator accepts the gap', async () => {
    const caseId = await registerCase(t);
    for (let i = 0; i < 3; i++) await t.http.get(`/cases/${caseId}`).expect(200);
    const dataSource = t.app.get(DataSource);
    const highest = await lastSeq(dataSource);
    await cutTail(dataSource, 3);
    await expectHalted(t, caseId, highest);
    // The next requests do not heal it either.
    await t.http.get(`/cases/${caseId}`).expect(503);
    await expectHalted(t, caseId, highest);

    const accepted = await acceptBaseline(dataSource, t.config, {
      operator: 'Ola Drift',
      reason: 'cut found 2026-11-20',
    });
    expect(accepted.baseline.seq).toBe(highest - 3);
    expect(accepted.exported.every(({ head }) => head.seq === highest)).toBe(true);
    await t.http.get(`/cases/${caseId}`).expect(200);
    expect(await verifyAuditTrail(dataSource, t.config)).toMatchObject({ intact: true });
    await t.anonymous.get('/health').expect(200);
    expect(await t.app.get(Metrics).render()).toMatch(/^audit_trail_halted 0$/m);
    const trail = await t
      .as('administrator')
      .get(`/audit?userId=${encodeURIComponent('Ola Drift')}`)
      .expect(200);
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        seq: highest - 2,
        user: { id: 'Ola Drift', role: 'operator' },
        resource: `${BASELINE_RESOURCE}: cut found 2026-11-20`,
        subject: `baseline:${highest - 3} exported:${highest}`,
      }),
    ]);
  });

  it('finds a cut made while the service was stopped as soon as it starts again', async () => {
    const caseId = await registerCase(t);
    await t.http.get(`/cases/${caseId}`).expect(200);
    const highest = await lastSeq(t.app.get(DataSource));
    await t.close();

    const offline = new DataSource({ ...standaloneDataSourceOptions(rig.config.database), migrationsRun: false });
    await offline.initialize();
    await cutTail(offline, 2);
    await offline.destroy();

    const restarted = await rig.startService({ runWorker: false });
    expect(await restarted.app.get(Metrics).render()).toMatch(/^audit_trail_halted 1$/m);
    await expectHalted(restarted, caseId, highest);
  });

  it('finds entries replaced at the exported head as well as entries cut', async () => {
    const caseId = await registerCase(t);
    await t.http.get(`/cases/${caseId}`).expect(200);
    const dataSource = t.app.get(DataSource);
    const [last] = await dataSource.query<Record<string, unknown>[]>(
      'SELECT * FROM audit_trail ORDER BY seq DESC LIMIT 1',
    );
    await cutTail(dataSource, 1);
    // Put back an entry of the same number that the service did not write.
    const forged = { ...last, status: 500, hash: 'f'.repeat(64) };
    const columns = Object.keys(forged);
    const postgres = database === 'postgres';
    await dataSource.query(
      `INSERT INTO audit_trail (${columns.map((c) => (postgres ? `"${c}"` : c)).join(', ')}) VALUES (${columns
        .map((_, i) => (postgres ? `$${i + 1}` : '?'))
        .join(', ')})`,
      Object.values(forged),
    );
    const refused = await t.http.get(`/cases/${caseId}`).expect(503);
    expect(refused.body.message).toMatch(/entry \d+ is not the one exported as its head.*replaced/);
  });
});
