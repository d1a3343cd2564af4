import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';
import { PNG } from '../support/uploads.js';

const VISIT = {
  type: 'LOG_VISIT',
  occurredAt: '2026-11-28T10:00:00+01:00',
  durationMinutes: 90,
  outcome: 'stopped',
  stopReason: 'childUnwell',
};

/**
 * A phone that lost its connection sends its visit or report again, once the connection is back or
 * after an answer it never got, with the same Idempotency-Key: whatever it filed is filed once, and
 * each repeat is answered as the first send was, even when the repeats arrive at the same moment.
 */
describe.each(DATABASES)('a visit or a report sent twice (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  let supporterId: string;
  const asSupporter = () => t.as('supporter', { supporterId });

  beforeAll(async () => {
    t = await startTestApp({ database, env: { UPLOAD_MAX_BYTES: '4096' } });
    t.clock.setNow('2027-02-01T12:00:00+01:00');
    caseId = await caseIn(t, 'activeVisits');
    supporterId = (await t.http.get(`/cases/${caseId}`).expect(200)).body.progress.supporter.supporterId as string;
  });
  afterAll(() => t.close());

  const visitsOnFile = async () =>
    (await t.http.get(`/cases/${caseId}/visits`).expect(200)).body.visits as { id: string }[];

  it('logs a visit sent twice with one key once, and answers the repeat with the case', async () => {
    const key = randomUUID();
    const logVisit = () =>
      asSupporter().post(`/cases/${caseId}/events`).set('Idempotency-Key', key).send(VISIT).expect(200);
    const first = await logVisit();
    const again = await logVisit();
    expect(again.body.visits).toEqual(first.body.visits);
    expect(again.body.version).toBe(first.body.version);
    expect(await visitsOnFile()).toHaveLength(1);
    const alerts = await t.http.get('/alerts').expect(200);
    expect(alerts.body.items.filter((a: { kind: string }) => a.kind === 'visitStopped')).toHaveLength(1);
    // A new key is a new visit.
    await asSupporter().post(`/cases/${caseId}/events`).set('Idempotency-Key', randomUUID()).send(VISIT).expect(200);
    expect(await visitsOnFile()).toHaveLength(2);
  });

  it('files a report sent several times at once with one key once, each send answered with that report', async () => {
    const [visit] = await visitsOnFile();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        asSupporter()
          .post(`/cases/${caseId}/visits/${visit.id}/reports`)
          .set('Idempotency-Key', key)
          .send({ text: 'Alva mådde illa och ville gå hem.' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const reports = await t.http.get(`/cases/${caseId}/visits/${visit.id}/reports`).expect(200);
    expect(reports.body.items).toHaveLength(1);
    const history = await t.http.get(`/cases/${caseId}/history?limit=200`).expect(200);
    expect(history.body.items.filter((e: { type: string }) => e.type === 'VISIT_REPORT_FILED')).toHaveLength(1);
  });

  it('files a photo of the paper report sent twice with one key once', async () => {
    const visit = (await visitsOnFile())[1];
    const key = randomUUID();
    const photo = () =>
      asSupporter()
        .post(`/cases/${caseId}/visits/${visit.id}/reports/scans`)
        .set('Idempotency-Key', key)
        .attach('file', PNG, { filename: 'rapport.png', contentType: 'image/png' })
        .expect(201);
    const first = await photo();
    const again = await photo();
    expect(again.body).toEqual(first.body);
    const reports = await t.http.get(`/cases/${caseId}/visits/${visit.id}/reports`).expect(200);
    expect(reports.body.items).toHaveLength(1);
  });

  it('refuses a key used for another visit, and a key that is no key, filing nothing', async () => {
    const [first, second] = await visitsOnFile();
    const key = randomUUID();
    await asSupporter()
      .post(`/cases/${caseId}/visits/${first.id}/reports`)
      .set('Idempotency-Key', key)
      .send({ text: 'Ett tillägg.' })
      .expect(201);
    const reused = await asSupporter()
      .post(`/cases/${caseId}/visits/${second.id}/reports`)
      .set('Idempotency-Key', key)
      .send({ text: 'Något annat.' })
      .expect(422);
    expect(reused.body).toMatchObject({ rule: 'idempotencyKeyUnused', field: 'Idempotency-Key' });
    expect(reused.body.message).toMatch(/^Idempotency-Key har redan använts/);
    const malformed = await asSupporter()
      .post(`/cases/${caseId}/visits/${second.id}/reports`)
      .set('Idempotency-Key', 'kort')
      .send({ text: 'Något annat.' })
      .expect(400);
    expect(JSON.stringify(malformed.body.message)).toMatch(/Idempotency-Key ska vara 8–64 tecken/);
    const reports = await t.http.get(`/cases/${caseId}/visits/${second.id}/reports`).expect(200);
    expect(reports.body.items).toHaveLength(1);
  });

  it('refuses a photo over the size limit in Swedish, filing nothing', async () => {
    const [visit] = await visitsOnFile();
    const big = await asSupporter()
      .post(`/cases/${caseId}/visits/${visit.id}/reports/scans`)
      .set('Idempotency-Key', randomUUID())
      .attach('file', Buffer.concat([PNG, Buffer.alloc(5000)]), { filename: 'stor.png', contentType: 'image/png' })
      .expect(413);
    expect(JSON.stringify(big.body)).toMatch(/för stor/);
  });
});
