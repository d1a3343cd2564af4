import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { CaseRecord } from '../../src/cases/case-record.entity.js';
import { DeadlineActions } from '../../src/deadlines/deadline-actions.service.js';
import { NotificationOutbox } from '../../src/notifications/notification-outbox.service.js';
import { DeadlineRig } from '../deadlines/deadline-support.js';
import { eventually } from '../support/eventually.js';
import { textWithoutIds } from '../support/personal-data-scan.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DAY } from '../support/test-clock.js';
import { shortForm } from '../support/test-people.js';
import {
  caseOf,
  outbox,
  parseMail,
  PARTY_NAMES,
  registeredPersonnummer,
  STOPPED_VISIT,
  TestMailServer,
  type ReceivedMail,
} from './mail-support.js';

const MAILBOX = 'familjeratten@kommun.example';
const BASE_URL = 'https://umgange.kommun.example';

function mailEnv(server: TestMailServer | undefined, more: Record<string, string> = {}): Record<string, string> {
  return {
    ...(server ? { SMTP_URL: server.url } : {}),
    NOTIFY_FALLBACK_EMAIL: MAILBOX,
    PUBLIC_BASE_URL: BASE_URL,
    MAIL_FROM: 'Umgängesstöd <noreply@kommun.example>',
    MAIL_BACKOFF_MS: '100',
    ...more,
  };
}

async function stopVisit(t: TestApp, caseId: string, occurredAt = STOPPED_VISIT.occurredAt): Promise<void> {
  await t.http
    .post(`/cases/${caseId}/events`)
    .send({ ...STOPPED_VISIT, occurredAt })
    .expect(200);
}

/** Waits until the outbox has sent `count` mails, then gives what the server received. */
async function sentMails(
  t: TestApp,
  server: TestMailServer,
  count: number,
  timeoutMs = 10_000,
): Promise<ReceivedMail[]> {
  await eventually(async () => expect((await outbox(t, 'status=sent')).total).toBe(count), timeoutMs);
  return server.received;
}

describe.each(['sqlite'] as const)('alerts by e-mail (%s)', (database) => {
  let rig: DeadlineRig | undefined;
  let server: TestMailServer | undefined;
  afterEach(async () => {
    await rig?.dispose();
    await server?.stop();
    rig = undefined;
    server = undefined;
  });

  it('mails the case’s secretary within seconds of a stopped visit: in Swedish, with the diary number and a link, and nothing about the people', async () => {
    server = await TestMailServer.start();
    // No reconciliation during the test: the mail goes because the alert's commit handed it to the queue.
    rig = await DeadlineRig.create(database, mailEnv(server, { RECONCILE_EVERY_SECONDS: '3600' }));
    rig.clock.setNow(TEST_DAY);
    const t = await rig.startService();
    const caseId = await caseOf(t, 'anna', 'SN 2026/0101');

    const started = Date.now();
    await stopVisit(t, caseId);
    const [mail] = await sentMails(t, server, 1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.received).toHaveLength(1);
    expect(mail.to).toEqual([MAILBOX]);
    expect(mail.subject).toBe('Umgängesstöd: ett umgängestillfälle avbröts (ärende SN 2026/0101)');
    expect(mail.text).toContain('Det har kommit en avisering i ärende SN 2026/0101:');
    expect(mail.text).toContain('Ett umgängestillfälle avbröts: följ upp med föräldrarna och stödjaren.');
    // The web app's case page, not the JSON route.
    expect(mail.text).toContain(`Öppna ärendet: ${BASE_URL}/arenden/${caseId}\n`);
    expect(mail.text).not.toContain('/cases/');
    expect(mail.text).toContain('Av sekretesskäl står inga uppgifter om personerna');
    expect(mail.messageId).toMatch(/^<notification-[0-9a-f-]{36}@kommun\.example>$/);
    expect(mail.raw).not.toMatch(/visitingParentIntoxicated|alkohol/i);

    const page = await outbox(t);
    expect(page.counts).toEqual({ pending: 0, sent: 1, failed: 0 });
    expect(page.items[0]).toMatchObject({
      type: 'alert',
      status: 'sent',
      recipientEmail: MAILBOX,
      attempts: 1,
      lastError: null,
    });
    expect(page.items[0].alerts).toEqual([expect.objectContaining({ caseId, kind: 'visitStopped' })]);
    await t.as('secretary').get('/notifications').expect(403);
  });

  it('mails the responsible secretary at their profile’s address, else the unit’s shared mailbox, else the configured fallback', async () => {
    server = await TestMailServer.start();
    rig = await DeadlineRig.create(database, mailEnv(server, { RECONCILE_EVERY_SECONDS: '3600' }));
    rig.clock.setNow(TEST_DAY);
    const t = await rig.startService();
    const profile = {
      name: 'Anna Berg',
      title: 'Familjerättssekreterare',
      phone: '018-727 00 01',
      email: 'anna.berg@kommun.example',
    };
    await t.as('secretary', { sub: 'anna' }).put('/staff/me').send(profile).expect(200);
    const annas = await caseOf(t, 'anna', 'SN 2026/0201');
    const bertils = await caseOf(t, 'bertil', 'SN 2026/0202');

    await stopVisit(t, annas);
    await stopVisit(t, bertils);
    await sentMails(t, server, 2);
    await t.as('administrator').put('/unit').send({ email: 'familjeratten.gemensam@kommun.example' }).expect(200);
    await stopVisit(t, bertils, '2026-11-27T10:00:00+01:00');
    const mails = await sentMails(t, server, 3);
    const to = (diaryNumber: string) => mails.filter((m) => m.subject.includes(diaryNumber)).map((m) => m.to[0]);
    expect(to('SN 2026/0201')).toEqual(['anna.berg@kommun.example']);
    expect(to('SN 2026/0202')).toEqual([MAILBOX, 'familjeratten.gemensam@kommun.example']);
  });

  it('sends the other alerts in one digest at the digest hour on a working day, grouped by case, as each person chose', async () => {
    server = await TestMailServer.start();
    rig = await DeadlineRig.create(
      database,
      mailEnv(server, { NOTIFY_DIGEST_HOUR: '9', REMINDER_SUPPORTER_NOT_APPOINTED_DAYS: '1' }),
    );
    const t = await rig.startService();
    // Anna's visits start the day after her start-up meeting (the steps' dates), as a unit records it.
    rig.clock.setNow('2026-11-13T10:00:00+01:00');
    // Anna wants stopped visits in her digest; Cecilia does not want to hear of unappointed supporters.
    await t
      .as('secretary', { sub: 'anna' })
      .put('/staff/me/notifications')
      .send({ visitStopped: 'digest' })
      .expect(200);
    await t
      .as('secretary', { sub: 'cecilia' })
      .put('/staff/me/notifications')
      .send({ supporterNotAppointed: 'off' })
      .expect(200);
    const annasCase = await caseOf(t, 'anna', 'SN 2026/0201');
    rig.clock.setNow('2026-11-30T07:00:00+01:00'); // a Monday
    const bosCase = await caseOf(t, 'bo', 'SN 2026/0202', 'initiated');
    const ceciliasCase = await caseOf(t, 'cecilia', 'SN 2026/0203', 'initiated');

    rig.clock.setNow('2026-12-01T08:30:00+01:00'); // Tuesday, before the digest hour
    await t.reconcileNow();
    await eventually(async () => {
      const alerts = (await t.http.get('/alerts?kind=supporterNotAppointed').expect(200)).body;
      expect(alerts.total).toBe(2);
    });
    await stopVisit(t, annasCase, '2026-12-01T08:00:00+01:00');
    expect((await outbox(t)).total).toBe(0);

    rig.clock.setNow('2026-12-01T09:00:01+01:00');
    await t.reconcileNow();
    const [digest] = await sentMails(t, server, 1);
    expect(digest.to).toEqual([MAILBOX]);
    expect(digest.subject).toBe('Umgängesstöd: daglig sammanställning 2026-12-01 (2 påminnelser)');
    expect(digest.text).toContain(
      `Ärende SN 2026/0201: ${BASE_URL}/arenden/${annasCase}\n  - Ett umgängestillfälle avbröts: följ upp med föräldrarna och stödjaren\n`,
    );
    expect(digest.text).toContain(
      `Ärende SN 2026/0202: ${BASE_URL}/arenden/${bosCase}\n  - Ingen umgängesstödjare har utsetts sedan domen kom in\n`,
    );
    expect(digest.text).not.toContain('SN 2026/0203');
    expect(digest.text).not.toContain(ceciliasCase);
    const [listed] = (await outbox(t)).items;
    expect(listed).toMatchObject({ type: 'digest', digestDay: '2026-12-01', status: 'sent' });
    expect(listed.alerts.map((a) => a.caseId).sort()).toEqual([annasCase, bosCase].sort());
  });

  it('mails a deadline that keeps failing once, however often it fails, without the error it failed with', async () => {
    server = await TestMailServer.start();
    // The reminders that fall due on the way to the midpoint are the day's digest's, and its hour is after the test's clock.
    rig = await DeadlineRig.create(
      database,
      mailEnv(server, { DEADLINE_ATTEMPTS: '2', RECONCILE_EVERY_SECONDS: '1', NOTIFY_DIGEST_HOUR: '23' }),
    );
    const t = await rig.startService();
    // Recorded as it happens: no reminder of a step already taken falls due in between.
    rig.clock.setNow('2026-11-13T10:00:00+01:00');
    const caseId = await caseOf(t, 'anna', 'SN 2026/0601');
    const midpoint = (await t.http.get(`/cases/${caseId}`).expect(200)).body.deadlines.find(
      (d: { kind: string }) => d.kind === 'midpoint',
    );
    // A case stored with a machine version nobody knows any more: every attempt to move it fails.
    await rig
      .dataSource(t.app)
      .getRepository(CaseRecord)
      .update({ id: caseId }, { machineVersion: 'withdrawn-version' });
    // Counts each time the deadline is given up on, to know when it has failed again.
    const actions = t.app.get(DeadlineActions);
    const reportGivenUp = actions.reportGivenUp.bind(actions);
    let givenUp = 0;
    actions.reportGivenUp = (...args) => reportGivenUp(...args).finally(() => givenUp++);
    rig.clock.setNow(new Date(Date.parse(midpoint.dueAt) + 1000));

    const [mail] = await sentMails(t, server, 1);
    expect(mail.subject).toBe('Umgängesstöd: en tidsfrist kunde inte hanteras och försöks igen (ärende SN 2026/0601)');
    expect(mail.raw).not.toContain('withdrawn-version');
    // Retried at every reconciliation, it fails again and again: the alert, and so the mail, stays one.
    const seen = givenUp;
    await eventually(() => expect(givenUp).toBeGreaterThanOrEqual(seen + 2), 20_000);
    expect((await outbox(t)).total).toBe(1);
    expect(server.received).toHaveLength(1);
  });

  it('marks a mail the mail server refuses for good as failed, for the administrator to see, and does not retry it', async () => {
    server = await TestMailServer.start();
    server.refused.add(MAILBOX);
    rig = await DeadlineRig.create(database, mailEnv(server));
    rig.clock.setNow(TEST_DAY);
    const t = await rig.startService();
    await stopVisit(t, await caseOf(t, 'anna', 'SN 2026/0701'));

    const failed = await eventually(async () => {
      const page = await outbox(t, 'status=failed');
      expect(page.total).toBe(1);
      return page;
    });
    expect(failed.items[0]).toMatchObject({ attempts: 1, recipientEmail: MAILBOX });
    expect(failed.items[0].lastError).toMatch(/550/);
    expect(failed.counts).toEqual({ pending: 0, sent: 0, failed: 1 });
  });

  it('keeps the mail while the mail server is down, without holding up the request, and sends it once when the server is back', async () => {
    server = await TestMailServer.start();
    await server.stop();
    rig = await DeadlineRig.create(database, mailEnv(server));
    rig.clock.setNow(TEST_DAY);
    const t = await rig.startService();
    const caseId = await caseOf(t, 'anna', 'SN 2026/0301');

    const started = Date.now();
    await stopVisit(t, caseId);
    expect(Date.now() - started).toBeLessThan(2000);
    await eventually(async () => {
      const [waiting] = (await outbox(t, 'status=pending')).items;
      expect(waiting.attempts).toBeGreaterThanOrEqual(2);
      expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    });

    await server.listen();
    const [mail] = await sentMails(t, server, 1, 20_000);
    expect(mail.text).toContain('ärende SN 2026/0301');
    expect(server.received).toHaveLength(1);
  });
});

describe.each(DATABASES)('a day’s digest composed by several processes at once (%s)', (database) => {
  let rig: DeadlineRig | undefined;
  afterEach(async () => {
    await rig?.dispose();
    rig = undefined;
  });

  it('composes a day’s digest once when several processes try at the same moment, the others finding it done', async () => {
    // No worker: the four compositions below are the only ones.
    rig = await DeadlineRig.create(database, mailEnv(undefined, { NOTIFY_DIGEST_HOUR: '9', RUN_WORKER: 'false' }));
    const t = await rig.startService();
    rig.clock.setNow('2026-11-30T07:00:00+01:00'); // a Monday
    await t
      .as('secretary', { sub: 'anna' })
      .put('/staff/me/notifications')
      .send({ visitStopped: 'digest' })
      .expect(200);
    const caseId = await caseOf(t, 'anna', 'SN 2026/0801');
    rig.clock.setNow('2026-12-01T08:30:00+01:00');
    await stopVisit(t, caseId, '2026-12-01T08:00:00+01:00');

    rig.clock.setNow('2026-12-01T09:00:01+01:00');
    const composer = t.app.get(NotificationOutbox);
    const composed = await Promise.all(Array.from({ length: 4 }, () => composer.composeDigestIfDue()));
    expect(composed.sort()).toEqual([0, 0, 0, 1]);
    const mails = (await outbox(t)).items;
    expect(mails.map((m) => ({ type: m.type, digestDay: m.digestDay }))).toEqual([
      { type: 'digest', digestDay: '2026-12-01' },
    ]);
  });
});

describe('alerts by e-mail without a mail server', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('writes each mail to the outbox folder as an .eml file when no SMTP_URL is set', async () => {
    t = await startTestApp({ env: { ...mailEnv(undefined), RECONCILE_EVERY_SECONDS: '1' } });
    t.clock.setNow(TEST_DAY);
    const caseId = await caseOf(t, 'anna', 'SN 2026/0401');
    await stopVisit(t, caseId);

    const folder = join(t.config.dataDir, 'outbox');
    const files = await eventually(async () => {
      const names = (await readdir(folder)).filter((name) => name.endsWith('.eml'));
      expect(names).toHaveLength(1);
      return names;
    });
    const mail = await parseMail(await readFile(join(folder, files[0]), 'utf8'));
    TestMailServer.everyMail.push(mail);
    expect(mail.subject).toContain('ärende SN 2026/0401');
    expect(mail.text).toContain(`${BASE_URL}/arenden/${caseId}`);
    expect((await outbox(t, 'status=sent')).total).toBe(1);
  });
});

it('names no party and holds no personnummer in any mail this file caused, on either database, through either transport', () => {
  const everything = TestMailServer.everyMail
    .map((mail) => textWithoutIds(`${mail.raw}\n${mail.subject}\n${mail.text}`))
    .join('\n');
  expect(TestMailServer.everyMail.length).toBeGreaterThan(0);
  for (const name of [...Object.values(PARTY_NAMES), 'Ekholm', 'Karin Lund']) expect(everything).not.toContain(name);
  for (const personnummer of registeredPersonnummer) {
    expect(everything).not.toContain(personnummer);
    expect(everything).not.toContain(shortForm(personnummer));
    expect(everything).not.toContain(personnummer.slice(2));
  }
  expect(everything).not.toMatch(/\b\d{6}[-+]?\d{4}\b/);
});
