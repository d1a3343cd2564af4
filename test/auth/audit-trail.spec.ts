import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { verifyChain } from '../../src/audit/audit-chain.js';
import { readTrail } from '../../src/audit/audit.repository.js';
import { auditChainKey } from '../../src/audit/chain-anchor.js';
import { registerCase } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

interface Entry {
  seq: number;
  at: string;
  user: { id: string | null; role: string | null };
  caseId: string | null;
  action: string;
  resource: string;
  ip: string | null;
  allowed: boolean;
  status: number;
}

describe.each(DATABASES)('the audit trail (%s)', (database) => {
  let t: TestApp;
  let dataSource: DataSource;
  let caseId: string;
  const admin = () => t.as('administrator', { sub: 'arkiv' });
  const entriesOf = async (query: string): Promise<Entry[]> =>
    (await admin().get(`/audit?${query}`).expect(200)).body.items;

  beforeAll(async () => {
    t = await startTestApp({ database });
    dataSource = t.app.get(DataSource);
    t.clock.setNow('2026-11-20T10:00:00+01:00');
    caseId = await registerCase(t);
    await t.http.get(`/cases/${caseId}`).expect(200);
    t.clock.setNow('2026-11-21T10:00:00+01:00');
    await t.http.post(`/cases/${caseId}/events`).send({ type: 'INITIATE' }).expect(200);
  });
  afterAll(() => t.close());

  it('records every read and write of a case: who, role, what, when, from where, allowed', async () => {
    const entries = await entriesOf(`caseId=${caseId}`);
    expect(entries.map((e) => `${e.action} ${e.resource} ${e.status}`)).toEqual([
      'write POST /cases 201',
      'read GET /cases/:id 200',
      'write POST /cases/:id/events 200',
    ]);
    expect(entries[1]).toMatchObject({ user: { id: 'test-secretary', role: 'secretary' }, caseId, allowed: true });
    expect(entries[1].ip).toMatch(/127\.0\.0\.1/);
    expect(entries[2].at.startsWith('2026-11-21T09:00')).toBe(true);
  });

  it('records refused attempts of signed-in users too: a role without access, another supporter', async () => {
    await t.as('developer', { sub: 'dev' }).get(`/cases/${caseId}`).expect(403);
    await t
      .as('supporter', { sub: 'olle', supporterId: '11111111-1111-4111-8111-111111111111' })
      .get(`/cases/${caseId}`)
      .expect(404);
    const refused = (await entriesOf(`caseId=${caseId}`)).filter((e) => !e.allowed);
    expect(refused.map((e) => [e.user.id, e.user.role, e.status])).toEqual([
      ['dev', 'developer', 403],
      ['olle', 'supporter', 404],
    ]);
  });

  it('finds entries by user and by time, paged, for the administrator only', async () => {
    const byUser = await entriesOf('userId=dev');
    expect(byUser.every((e) => e.user.id === 'dev')).toBe(true);
    expect(byUser.length).toBeGreaterThan(0);
    const firstDay = await entriesOf(
      `caseId=${caseId}&from=2026-11-20T00:00:00%2B01:00&to=2026-11-20T23:59:59%2B01:00`,
    );
    expect(firstDay.map((e) => e.resource)).toEqual(['POST /cases', 'GET /cases/:id']);
    const page = await admin().get(`/audit?caseId=${caseId}&limit=1&offset=1`).expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(5);
    await t.http.get('/audit').expect(403);
    const bad = await admin().get('/audit?caseId=nope&from=yesterday').expect(400);
    expect(bad.body.message).toEqual(expect.arrayContaining(['caseId ska vara ett ärendes id (UUID).']));
  });

  it('keeps a hash chain the verifier finds intact', async () => {
    const verdict = await verifyChain(readTrail(dataSource.manager, 3), auditChainKey(t.config));
    expect(verdict).toMatchObject({ intact: true });
    expect((verdict as { entries: number }).entries).toBeGreaterThan(8);
  });

  it('keeps one unbroken chain when many requests are answered at once', async () => {
    const before = (await admin().get(`/audit?caseId=${caseId}`).expect(200)).body.total;
    const statuses = await Promise.all(
      Array.from({ length: 25 }, () => t.http.get(`/cases/${caseId}`).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await admin().get(`/audit?caseId=${caseId}`).expect(200)).body.total).toBe(before + 25);
    expect(await verifyChain(readTrail(dataSource.manager), auditChainKey(t.config))).toMatchObject({ intact: true });
  });

  it('refuses to change or delete an entry in the database itself', async () => {
    await expect(dataSource.query('UPDATE audit_trail SET status = 200 WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(dataSource.query('DELETE FROM audit_trail WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('names the first entry that was tampered with, once someone has got past the triggers', async () => {
    if (database === 'postgres') {
      await dataSource.query('DROP TRIGGER audit_trail_append_only ON audit_trail');
    } else {
      await dataSource.query('DROP TRIGGER audit_trail_no_update');
      await dataSource.query('DROP TRIGGER audit_trail_no_delete');
    }
    const [{ seq }] = await dataSource.query<
      {
        seq: number;
      }[]
    >(`SELECT seq FROM audit_trail WHERE status = 403 ORDER BY seq`);
    await dataSource.query(
      `UPDATE audit_trail SET status = 200, ${database === 'postgres' ? 'allowed = true' : 'allowed = 1'} WHERE seq = ${seq}`,
    );
    expect(await verifyChain(readTrail(dataSource.manager), auditChainKey(t.config))).toMatchObject({
      intact: false,
      brokenAt: seq,
      reason: expect.stringContaining('hash'),
    });

    await dataSource.query(`DELETE FROM audit_trail WHERE seq = 2`);
    expect(await verifyChain(readTrail(dataSource.manager), auditChainKey(t.config))).toMatchObject({
      intact: false,
      brokenAt: 3,
      reason: expect.stringContaining('missing'),
    });
  });
});
