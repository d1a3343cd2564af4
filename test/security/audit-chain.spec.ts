import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import {
  chainHash,
  GENESIS_HASH,
  KEYED_SCHEME,
  UNKEYED_SCHEME,
  verifyChain,
  type AuditFacts,
} from '../../src/audit/audit-chain.js';
import { AuditEntry } from '../../src/audit/audit-entry.entity.js';
import { readTrail } from '../../src/audit/audit.repository.js';
import { verifyAuditTrail } from '../../src/audit/audit-verification.js';
import { auditChainKey, readHead } from '../../src/audit/chain-anchor.js';
import { registerCase } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

const NO_KEY = Buffer.alloc(0);

describe.each(DATABASES)('the keyed audit chain and its exported head (%s)', (database) => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ database });
    dataSource = t.app.get(DataSource);
    t.clock.setNow('2026-11-20T10:00:00+01:00');
  });
  afterAll(() => t.close());

  it('goes on verifying a trail written before the chain had a key, and keys every entry after it', async () => {
    // Two entries as the service wrote them before: unkeyed SHA-256.
    let prevHash = GENESIS_HASH;
    for (const seq of [1, 2]) {
      const facts: AuditFacts = {
        seq,
        at: new Date(`2026-11-0${seq}T09:00:00Z`),
        actorId: 'anna',
        actorRole: 'secretary',
        caseId: null,
        subject: null,
        action: 'read',
        resource: 'GET /cases',
        ip: '127.0.0.1',
        allowed: true,
        status: 200,
        scheme: UNKEYED_SCHEME,
      };
      const hash = chainHash(prevHash, facts, NO_KEY);
      await dataSource.manager.insert(AuditEntry, { ...facts, prevHash, hash });
      prevHash = hash;
    }
    const caseId = await registerCase(t);
    await t.http.get(`/cases/${caseId}`).expect(200);

    expect(await verifyAuditTrail(dataSource, t.config)).toEqual({ intact: true, entries: 4 });
    const schemes = await dataSource.query<{ scheme: number }[]>('SELECT scheme FROM audit_trail ORDER BY seq');
    expect(schemes.map((r) => r.scheme)).toEqual([UNKEYED_SCHEME, UNKEYED_SCHEME, KEYED_SCHEME, KEYED_SCHEME]);
  });

  it('keeps verifying after a request names a thing in characters that a cut would split', async () => {
    const caseId = await registerCase(t);
    // 40 emoji are 80 UTF-16 units: the subject `document:` + them is cut at 80, inside a pair.
    await t.http.get(`/cases/${caseId}/documents/${encodeURIComponent('😀'.repeat(40))}/content`);
    expect(await verifyAuditTrail(dataSource, t.config)).toMatchObject({ intact: true });
  });

  it('exports the head after every append, to a file outside the database', async () => {
    const caseId = await registerCase(t);
    await Promise.all(Array.from({ length: 10 }, () => t.http.get(`/cases/${caseId}`).expect(200)));
    const [last] = await dataSource.query<
      {
        seq: number;
        hash: string;
      }[]
    >('SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1');
    expect(await readHead(t.config.audit.headPath)).toEqual({ seq: Number(last.seq), hash: last.hash });
  });

  it('finds a dropped trigger, a rewritten entry and a cut tail that the old unkeyed chain let through', async () => {
    for (let i = 0; i < 5; i += 1) await registerCase(t);
    expect(await verifyAuditTrail(dataSource, t.config)).toMatchObject({ intact: true });

    if (database === 'postgres') await dataSource.query('DROP TRIGGER audit_trail_append_only ON audit_trail');
    else await dataSource.query('DROP TRIGGER audit_trail_no_delete');
    expect(await verifyAuditTrail(dataSource, t.config)).toEqual({
      intact: false,
      problem: expect.stringMatching(/trigger.*missing/),
    });

    const key = auditChainKey(t.config);
    const head = await readHead(t.config.audit.headPath);
    // Someone with database access but not the key rewrites entry 5 and recomputes every hash after it.
    const entries = (await dataSource.manager.find(AuditEntry, { order: { seq: 'ASC' } })).map((e) => ({
      ...e,
      seq: Number(e.seq),
    }));
    let prevHash = entries[3].hash;
    const forged = entries.slice(4).map((entry, i) => {
      const facts = { ...entry, allowed: i === 0 ? false : entry.allowed, prevHash };
      const hash = chainHash(prevHash, facts, Buffer.from('a guessed key'));
      prevHash = hash;
      return { ...facts, hash };
    });
    await dataSource.query(`DELETE FROM audit_trail WHERE seq >= 5`);
    await dataSource.manager.insert(AuditEntry, forged);
    expect(
      await verifyChain(readTrail(dataSource.manager), key, [{ where: 'the head file', head: head! }]),
    ).toMatchObject({ intact: false, brokenAt: 5 });

    // Cutting the last entries (and putting the originals back before them) leaves the chain
    // whole but short of the exported head.
    await dataSource.query(`DELETE FROM audit_trail WHERE seq >= 5`);
    await dataSource.manager.insert(AuditEntry, entries.slice(4, -3));
    const cut = await verifyChain(readTrail(dataSource.manager), key, [{ where: 'the head file', head: head! }]);
    expect(cut).toMatchObject({ intact: false, brokenAt: entries.length - 2, reason: expect.stringContaining('cut') });
    // Without the exported head, as audit:verify checked before, the cut trail looks intact.
    expect(await verifyChain(readTrail(dataSource.manager), key)).toMatchObject({ intact: true });
  });
});
