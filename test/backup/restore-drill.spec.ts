import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { describeBaseline, recordedBaselines } from '../../src/audit/audit-baseline.js';
import { verifyAuditTrail } from '../../src/audit/audit-verification.js';
import { ArchiveRefusedError } from '../../src/backup/backup-archive.js';
import { backupPassphrase } from '../../src/backup/backup-command.js';
import { takeBackup } from '../../src/backup/embedded-backup.js';
import { restoreBackup, RestoreRefusedError } from '../../src/backup/restore.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { aJudgment, type JudgmentBody } from '../support/judgment-builder.js';
import { caseIn } from '../support/case-steps.js';
import type { TestApp } from '../support/test-app.js';
import { after, caseOf, DeadlineRig, entriesOf, historyOf, PERIOD } from '../deadlines/deadline-support.js';
import { eventually } from '../support/eventually.js';

const PASSPHRASE = 'en lång lösenfras för säkerhetskopian';
const DAY = 86_400_000;

/** Where a restore lays out a data directory: the restored service is configured to read it there. */
function restoredConfig(dir: string): AppConfig {
  return loadConfig({ DATA_DIR: dir, SQLITE_PATH: join(dir, 'cases.sqlite'), LOG_LEVEL: 'silent' });
}

async function register(t: TestApp, body: JudgmentBody): Promise<string> {
  const answer = await t.http.post('/cases').send(body).expect(201);
  return (answer.body as { id: string }).id;
}

async function foundByPersonnummer(t: TestApp, personnummer: string): Promise<string[]> {
  const answer = await t.http.post('/cases/search').send({ personnummer }).expect(200);
  return (answer.body as { items: { id: string }[] }).items.map((item) => item.id);
}

describe('a backup of the embedded database, restored', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'restore-drill-'));
  const archive = join(scratch, 'cases.bak');
  let original: DeadlineRig;
  let restored: DeadlineRig | undefined;
  const before: { id: string; body: JudgmentBody }[] = [];
  const during: { id: string; body: JudgmentBody }[] = [];
  const later: { id: string; body: JudgmentBody }[] = [];
  let midpointCase: string;

  beforeAll(async () => {
    original = await DeadlineRig.create('sqlite');
    const t = await original.startService();
    original.clock.setNow(after(PERIOD.midpointAt, -7 * DAY));
    midpointCase = await caseIn(t, 'activeVisits');
    for (let i = 0; i < 3; i++) {
      const body = aJudgment();
      before.push({ id: await register(t, body), body });
    }
    const writes = Array.from({ length: 6 }, async () => {
      const body = aJudgment();
      during.push({ id: await register(t, body), body });
    });
    await Promise.all([...writes, takeBackup(original.config, archive, PASSPHRASE)]);
    for (let i = 0; i < 2; i++) {
      const body = aJudgment();
      later.push({ id: await register(t, body), body });
    }
  });

  afterAll(async () => {
    await original.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  afterEach(async () => {
    await restored?.dispose();
    restored = undefined;
  });

  it('is written readable by its owner only, and sealed: no personnummer or name shows in it', () => {
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(archive);
    for (const { body } of before) {
      expect(bytes.includes(body.residentParent.personnummer)).toBe(false);
      expect(bytes.includes(body.court)).toBe(false);
    }
  });

  it('brings back every case acknowledged before the backup, readable and found by personnummer; later ones are gone; deadlines that fell due fire once', async () => {
    const dir = join(scratch, 'restored');
    await restoreBackup(restoredConfig(dir), archive, PASSPHRASE, { replace: false, operator: 'Ola Drift' });

    restored = await DeadlineRig.create('sqlite', { DATA_DIR: dir, SQLITE_PATH: join(dir, 'cases.sqlite') });
    restored.clock.setNow(after(PERIOD.midpointAt, 3_600_000));
    const t = await restored.startService();

    for (const { id, body } of before) {
      const read = await t.http.get(`/cases/${id}`).expect(200);
      expect((read.body as { judgment: { courtCaseNumber: string } }).judgment.courtCaseNumber).toBe(
        body.courtCaseNumber,
      );
      expect(await foundByPersonnummer(t, body.residentParent.personnummer)).toContain(id);
    }
    for (const { id } of later) await t.http.get(`/cases/${id}`).expect(404);
    // A case registered while the backup ran is either whole in it or not in it at all.
    for (const { id, body } of during) {
      const read = await t.http.get(`/cases/${id}`);
      expect([200, 404]).toContain(read.status);
      if (read.status === 200) expect(await foundByPersonnummer(t, body.visitingParent.personnummer)).toContain(id);
    }

    await eventually(async () => expect((await caseOf(t, midpointCase)).state).toBe('midpointFollowUp'));
    const midpoint = (await caseOf(t, midpointCase)).deadlines.find((d) => d.kind === 'midpoint')!;
    await restored.settled([midpoint.id]);
    expect(entriesOf(await historyOf(t, midpointCase), 'MIDPOINT_REACHED')).toHaveLength(1);

    await t.http.post('/cases').send(aJudgment()).expect(201);
    const dataSource = restored.dataSource(t.app);
    expect(await verifyAuditTrail(dataSource, t.config)).toMatchObject({ intact: true });
    const [restore] = await recordedBaselines(dataSource);
    expect(restore).toMatchObject({
      operator: 'Ola Drift',
      reason: expect.stringMatching(/^restored from a backup taken /),
    });
  });

  it('restored over the installation it was taken from, names in the trail the entries the backup lacks', async () => {
    const dir = join(scratch, 'over-the-original');
    mkdirSync(dir);
    copyFileSync(original.config.audit.headPath, join(dir, 'audit-head.json'));
    const exportedBefore = JSON.parse(readFileSync(join(dir, 'audit-head.json'), 'utf8')) as { seq: number };

    const outcome = await restoreBackup(restoredConfig(dir), archive, PASSPHRASE, {
      replace: true,
      operator: 'Ola Drift',
    });

    expect(exportedBefore.seq).toBeGreaterThan(outcome.trail.baseline.seq);
    expect(outcome.trail.entry.seq).toBe(outcome.trail.baseline.seq + 1);
    const described = describeBaseline({
      seq: outcome.trail.entry.seq,
      at: new Date(),
      operator: 'Ola Drift',
      reason: 'restored',
      subject: `baseline:${outcome.trail.baseline.seq} exported:${exportedBefore.seq}`,
    });
    expect(described).toContain(
      `entries ${outcome.trail.baseline.seq + 1}–${exportedBefore.seq}, exported before it, are gone`,
    );
  });

  it('refuses to run without a passphrase', () => {
    expect(() => backupPassphrase({})).toThrow(/BACKUP_PASSPHRASE/);
    expect(() => backupPassphrase({ BACKUP_PASSPHRASE: 'kort' })).toThrow(/at least 12/);
  });

  it('restores nothing under a wrong passphrase', async () => {
    const dir = join(scratch, 'wrong-passphrase');
    await expect(
      restoreBackup(restoredConfig(dir), archive, 'fel lösenfras, helt fel', { replace: false, operator: 'Ola Drift' }),
    ).rejects.toThrow(ArchiveRefusedError);
    expect(existsSync(dir) && readdirSync(dir).length > 0).toBe(false);
  });

  it('refuses an archive cut short or changed, with a clear message and nothing written', async () => {
    const bytes = readFileSync(archive);
    const cut = join(scratch, 'cut.bak');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    const changed = join(scratch, 'changed.bak');
    const altered = Buffer.from(bytes);
    altered[Math.floor(altered.length / 2)] ^= 0x01;
    writeFileSync(changed, altered);
    for (const file of [cut, changed]) {
      const dir = join(scratch, `from-${file.split('/').at(-1)}`);
      await expect(
        restoreBackup(restoredConfig(dir), file, PASSPHRASE, { replace: false, operator: 'Ola Drift' }),
      ).rejects.toThrow(/cut short or changed/);
      expect(existsSync(dir) && readdirSync(dir).length > 0).toBe(false);
    }
    expect(readdirSync(scratch).filter((name) => name.includes('.restoring-'))).toEqual([]);
  });

  it('refuses a data directory that is not empty unless told --replace, and then keeps the old one aside', async () => {
    const dir = join(scratch, 'occupied');
    mkdirSync(dir);
    writeFileSync(join(dir, 'something'), 'kept');
    await expect(
      restoreBackup(restoredConfig(dir), archive, PASSPHRASE, { replace: false, operator: 'Ola Drift' }),
    ).rejects.toThrow(RestoreRefusedError);
    expect(readdirSync(dir)).toEqual(['something']);

    const outcome = await restoreBackup(restoredConfig(dir), archive, PASSPHRASE, {
      replace: true,
      operator: 'Ola Drift',
    });
    expect(readFileSync(join(outcome.keptAside!, 'something'), 'utf8')).toBe('kept');
    expect(existsSync(join(dir, 'cases.sqlite'))).toBe(true);
    expect(statSync(join(dir, 'cases.sqlite')).mode & 0o777).toBe(0o600);
  });
});
