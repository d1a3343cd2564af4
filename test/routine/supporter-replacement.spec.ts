import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DATABASES)('replacing the supporter keeps the reports coming (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  let outgoing: ReturnType<TestApp['as']>;
  let incoming: ReturnType<TestApp['as']>;
  const visits: Record<string, string> = {};

  const logVisit = async (as: ReturnType<TestApp['as']>, occurredAt: string) => {
    const res = await as
      .post(`/cases/${caseId}/events`)
      .send({ type: 'LOG_VISIT', occurredAt, durationMinutes: 90, outcome: 'completed' })
      .expect(200);
    return (res.body.visits as { id: string; occurredAt: string }[]).find(
      (v) => v.occurredAt === new Date(occurredAt).toISOString(),
    )!.id;
  };
  const report = (as: ReturnType<TestApp['as']>, visitId: string) =>
    as.post(`/cases/${caseId}/visits/${visitId}/reports`).send({ text: 'Umgänget gick lugnt till.' });

  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-12-08T12:00:00+01:00');
    const first = await registerSupporter(t, 'Karin Lund');
    const second = await registerSupporter(t, 'Per Holm');
    outgoing = t.as('supporter', { supporterId: first });
    incoming = t.as('supporter', { supporterId: second });
    caseId = await registerCase(t);
    for (const event of stepsTo('activeVisits', first)) await send(t, caseId, event);
    visits.firstHeld = await logVisit(outgoing, '2026-12-05T10:00:00+01:00');
    visits.secondHeld = await logVisit(outgoing, '2026-12-07T10:00:00+01:00');
    t.clock.setNow('2026-12-10T12:00:00+01:00');
    await send(t, caseId, {
      type: 'REPLACE_SUPPORTER',
      supporterId: second,
      decidedAt: '2026-12-10T10:00:00+01:00',
      reason: 'Karin Lund har flyttat',
    });
    t.clock.setNow('2026-12-13T12:00:00+01:00');
    visits.incomingHeld = await logVisit(incoming, '2026-12-12T10:00:00+01:00');
  });
  afterAll(() => t.close());

  it('lets the outgoing supporter see only the visits they held, and log nothing more', async () => {
    const view = await outgoing.get(`/cases/${caseId}`).expect(200);
    expect(view.body.visits.map((v: { id: string }) => v.id)).toEqual([visits.firstHeld, visits.secondHeld]);
    expect(view.body.allowedEvents).toEqual([]);
    await outgoing
      .post(`/cases/${caseId}/events`)
      .send({ type: 'LOG_VISIT', occurredAt: '2026-12-12T15:00:00+01:00', durationMinutes: 60, outcome: 'completed' })
      .expect(404);
  });

  it('lets the outgoing supporter file a report on a visit they held within the grace period, never on the new supporter’s', async () => {
    const filed = await report(outgoing, visits.firstHeld).expect(201);
    expect(filed.body.filedBy).toMatchObject({ role: 'supporter' });
    await report(outgoing, visits.incomingHeld).expect(404);
    await outgoing.get(`/cases/${caseId}/visits/${visits.incomingHeld}/reports`).expect(404);
    expect((await outgoing.get(`/cases/${caseId}/visits/${visits.firstHeld}/reports`).expect(200)).body.total).toBe(1);
  });

  it('shows the new supporter the case from their own appointment on, and none of the earlier visits', async () => {
    const view = await incoming.get(`/cases/${caseId}`).expect(200);
    expect(view.body.visits.map((v: { id: string }) => v.id)).toEqual([visits.incomingHeld]);
    expect(view.body.allowedEvents).toContain('LOG_VISIT');
    await report(incoming, visits.secondHeld).expect(404);
    await report(incoming, visits.incomingHeld).expect(201);
  });

  it('closes the case to the outgoing supporter once REPORT_GRACE_DAYS (14) have passed', async () => {
    t.clock.setNow('2026-12-24T09:59:00+01:00');
    await outgoing.get(`/cases/${caseId}`).expect(200);
    t.clock.setNow('2026-12-24T10:00:00+01:00');
    await report(outgoing, visits.secondHeld).expect(404);
    await outgoing.get(`/cases/${caseId}`).expect(404);
    await report(t.http, visits.secondHeld).expect(201);
  });
  it('refuses the new supporter a visit dated before their appointment: 422, nothing written, pay unchanged', async () => {
    const pay = async () => (await t.http.get('/compensation?month=2026-12').expect(200)).body;
    const before = { case: (await t.http.get(`/cases/${caseId}`).expect(200)).body, pay: await pay() };
    const refused = await incoming
      .post(`/cases/${caseId}/events`)
      .send({ type: 'LOG_VISIT', occurredAt: '2026-12-09T10:00:00+01:00', durationMinutes: 120, outcome: 'completed' })
      .expect(422);
    expect(refused.body).toMatchObject({ rule: 'beforeOwnAppointment', field: 'occurredAt' });
    expect(refused.body.message).toContain('2026-12-10');
    const after = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect([after.version, after.visits]).toEqual([before.case.version, before.case.visits]);
    expect(await pay()).toEqual(before.pay);
    // On the day of the appointment itself it is their own time.
    await incoming
      .post(`/cases/${caseId}/events`)
      .send({
        type: 'LOG_VISIT',
        occurredAt: '2026-12-10T15:00:00+01:00',
        durationMinutes: 60,
        outcome: 'cancelled',
        cancelledBy: 'visitingParent',
      })
      .expect(200);
  });
});
