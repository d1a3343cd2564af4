import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually.js';
import { caseOf, STOPPED_VISIT } from '../notifications/mail-support.js';
import { registerCase } from '../support/case-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('files of the embedded default', () => {
  const root = mkdtempSync(join(tmpdir(), 'umgangesstod-modes-'));
  const dataDir = join(root, 'data');
  let t: TestApp;

  beforeAll(async () => {
    // As a shell usually starts a process: files readable by everyone unless the process says otherwise.
    process.umask(0o022);
    t = await startTestApp({
      env: {
        DATA_DIR: dataDir,
        SQLITE_PATH: join(dataDir, 'umgangesstod.sqlite'),
        NOTIFY_FALLBACK_EMAIL: 'familjeratten@kommun.example',
      },
    });
    await registerCase(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps the data directory, the database with its WAL and SHM, the secrets and the audit head to the owner', () => {
    expect(modeOf(dataDir)).toBe('700');
    const files = [
      'umgangesstod.sqlite',
      'umgangesstod.sqlite-wal',
      'umgangesstod.sqlite-shm',
      'jwt-secret',
      'personal-data-keys',
      'personal-data-hash-key',
      'audit-chain-key',
      'audit-head.json',
    ];
    expect(Object.fromEntries(files.map((f) => [f, modeOf(join(dataDir, f))]))).toEqual(
      Object.fromEntries(files.map((f) => [f, '600'])),
    );
  });

  it('keeps the mail outbox and every mail in it to the owner', async () => {
    t.clock.setNow('2026-11-28T09:00:00+01:00');
    const caseId = await caseOf(t, 'sec-modes', 'SN 2026/0300');
    await t.http.post(`/cases/${caseId}/events`).send(STOPPED_VISIT).expect(200);
    const outboxDir = join(dataDir, 'outbox');
    const mails = await eventually(() => {
      const names = existsSync(outboxDir) ? readdirSync(outboxDir).filter((f) => f.endsWith('.eml')) : [];
      expect(names.length).toBeGreaterThan(0);
      return names;
    });
    expect(modeOf(outboxDir)).toBe('700');
    for (const mail of mails) expect(modeOf(join(outboxDir, mail))).toBe('600');
  });

  it('refuses to start with a secret file others can read, saying which file and what to do', async () => {
    const exposed = join(root, 'exposed');
    mkdirSync(exposed, { mode: 0o700 });
    writeFileSync(join(exposed, 'personal-data-keys'), `k1:${Buffer.alloc(32, 7).toString('base64')}\n`);
    chmodSync(join(exposed, 'personal-data-keys'), 0o644);
    await expect(startTestApp({ env: { DATA_DIR: exposed } })).rejects.toThrow(
      `${join(exposed, 'personal-data-keys')} is readable by others (mode 0644): restrict it with chmod 600`,
    );
  });
});
