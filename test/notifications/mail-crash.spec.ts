import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../src/config/app-config.js';
import { DeadlineRig } from '../deadlines/deadline-support.js';
import { eventually } from '../support/eventually.js';
import { DATABASES } from '../support/test-app.js';
import { caseOf, outbox, STOPPED_VISIT, TestMailServer, type ReceivedMail } from './mail-support.js';

/** `npm run worker`, run from the sources, against the rig's database, Redis prefix and mail server. */
function workerProcess(config: AppConfig, env: Record<string, string>): ChildProcess {
  const database =
    config.database.type === 'sqlite' ? { SQLITE_PATH: config.database.path } : { DATABASE_URL: config.database.url };
  return spawn(process.execPath, ['--import', './test/support/typescript-hooks.js', 'src/worker.ts'], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: config.dataDir,
      QUEUE_PREFIX: config.queuePrefix,
      LOG_LEVEL: 'silent',
      ...database,
      ...env,
    },
    stdio: 'ignore',
  });
}

describe.each(DATABASES)('a mail worker killed mid-send (%s)', (database) => {
  let rig: DeadlineRig | undefined;
  let server: TestMailServer | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    child?.kill('SIGKILL');
    await rig?.dispose();
    await server?.stop();
    rig = undefined;
    server = undefined;
  });

  it('still sends each notification, and the mail server sees its Message-ID at most twice', async () => {
    server = await TestMailServer.start();
    const env = {
      SMTP_URL: server.url,
      NOTIFY_FALLBACK_EMAIL: 'familjeratten@kommun.example',
      MAIL_BACKOFF_MS: '100',
      RECONCILE_EVERY_SECONDS: '1',
      // The killed worker's hold on its mail lapses after 2 s rather than production's 10.
      MAIL_LOCK_MS: '2000',
    };
    // A test about durability: commits wait for the disk as in production.
    rig = await DeadlineRig.create(database, env, { durable: true });
    // The API process sends nothing itself: the mail is the worker process's to send.
    const t = await rig.startService({ runWorker: false });
    const caseId = await caseOf(t, 'anna', 'SN 2026/0501');
    const worker = workerProcess(rig.config, env);
    child = worker;
    // The stopped visit's mail is the one killed mid-send. On a working day past the digest's hour the
    // worker may also compose the day's digest of the reminders the fixed test dates have made due:
    // a mail of its own, which the crash must not cost either.
    const isStoppedVisitMail = (mail: ReceivedMail) => !mail.subject.includes('daglig sammanställning');
    const killed = new Promise<void>((done) => {
      server!.beforeAnswer = async (mail) => {
        if (!isStoppedVisitMail(mail)) return;
        server!.beforeAnswer = undefined;
        // The mail has arrived whole and the worker dies before hearing that it did: it cannot mark it sent.
        const exited = new Promise((gone) => worker.once('exit', gone));
        worker.kill('SIGKILL');
        await exited;
        done();
      };
    });

    await t.http.post(`/cases/${caseId}/events`).send(STOPPED_VISIT).expect(200);
    await killed;
    const stopped = (await outbox(t, 'status=pending')).items.filter((mail) =>
      mail.alerts.some((alert) => alert.kind === 'visitStopped'),
    );
    expect(stopped).toHaveLength(1);

    await rig.startWorker();
    await eventually(async () => expect((await outbox(t, 'status=pending')).total).toBe(0), 60_000);
    expect((await outbox(t, 'status=sent')).items.map((mail) => mail.id)).toContain(stopped[0].id);
    const ids = server.received.map((mail) => mail.messageId);
    const stoppedSends = ids.filter((id) => id.includes(stopped[0].id));
    expect(stoppedSends.length).toBeGreaterThanOrEqual(1);
    expect(stoppedSends.length).toBeLessThanOrEqual(2);
    for (const id of new Set(ids)) expect(ids.filter((other) => other === id).length).toBeLessThanOrEqual(2);
  }, 120_000);
});
