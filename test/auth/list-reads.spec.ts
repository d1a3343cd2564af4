import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseOf, outbox, STOPPED_VISIT } from '../notifications/mail-support.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Entry {
  caseId: string | null;
  subject: string | null;
  resource: string;
}

describe.each(['postgres'] as const)('a read of many cases, in the audit trail (%s)', (database) => {
  let t: TestApp;
  const cases: string[] = [];
  const admin = () => t.as('administrator', { sub: 'arkiv' });
  /** The entries the read by `sub` of `resource` left. */
  const entriesOf = async (sub: string, resource: string): Promise<Entry[]> =>
    ((await admin().get(`/audit?userId=${sub}&limit=200`).expect(200)).body.items as Entry[]).filter(
      (entry) => entry.resource === resource,
    );

  beforeAll(async () => {
    t = await startTestApp({ database, env: { NOTIFY_FALLBACK_EMAIL: 'familjeratten@kommun.example' } });
    t.clock.setNow('2026-11-28T09:00:00+01:00');
    for (const diaryNumber of ['SN 2026/0101', 'SN 2026/0102']) {
      const caseId = await caseOf(t, 'sec-lista', diaryNumber);
      await t.http.post(`/cases/${caseId}/events`).send(STOPPED_VISIT).expect(200);
      cases.push(caseId);
    }
    await eventually(async () => expect((await outbox(t)).total).toBeGreaterThanOrEqual(2));
  });
  afterAll(() => t.close());

  it('files GET /cases one entry per case shown', async () => {
    await t.as('secretary', { sub: 'lasare-1' }).get('/cases?responsibleSecretary=sec-lista').expect(200);
    const entries = await entriesOf('lasare-1', 'GET /cases');
    expect(entries.map((e) => e.caseId).sort()).toEqual([...cases].sort());
  });

  it('files GET /alerts one entry per alert shown, under its case', async () => {
    const { body } = await t.as('secretary', { sub: 'lasare-2' }).get('/alerts?kind=visitStopped').expect(200);
    const entries = await entriesOf('lasare-2', 'GET /alerts');
    expect(entries).toHaveLength(body.items.length);
    expect(new Set(entries.map((e) => e.caseId))).toEqual(new Set(cases));
    expect(entries.every((e) => e.subject?.startsWith('alert:'))).toBe(true);
  });

  it('files GET /notifications one entry per case a mail shows', async () => {
    await t.as('administrator', { sub: 'lasare-3' }).get('/notifications').expect(200);
    const entries = await entriesOf('lasare-3', 'GET /notifications');
    expect(new Set(entries.map((e) => e.caseId))).toEqual(new Set(cases));
    expect(entries.every((e) => e.subject?.startsWith('notification:'))).toBe(true);
  });

  it('files a calendar feed one entry per case it shows', async () => {
    const issued = await t.as('secretary', { sub: 'sec-lista' }).post('/staff/me/calendar-token').expect(201);
    expect(issued.body.url).toMatch(new RegExp(`^${t.config.notifications.publicBaseUrl}/calendar/feeds/`));
    await t.anonymous.get(new URL(issued.body.url as string).pathname).expect(200);
    const entries = await entriesOf('sec-lista', 'GET /calendar/feeds/:file');
    expect(entries.map((e) => e.caseId).sort()).toEqual([...cases].sort());
  });
});
