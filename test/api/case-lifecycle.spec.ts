import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn, registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { textWithoutIds } from '../support/personal-data-scan.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

const closingMeeting = { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-11-30T15:00:00+01:00' };
const archive = { type: 'ARCHIVE', terminationDecidedAt: '2026-11-30T16:00:00+01:00' };
const visit = {
  type: 'LOG_VISIT',
  occurredAt: '2026-11-28T10:00:00+01:00',
  durationMinutes: 120,
  outcome: 'completed',
  notes: 'Calm visit at the family centre',
};

describe.each(DATABASES)('a case from judgment to archive (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-12-01T09:00:00+01:00');
  });
  afterAll(() => t.close());

  it('walks the whole routine without evaluation and records every step in the history', async () => {
    const caseId = await caseIn(t, 'activeVisits');
    await send(t, caseId, visit);
    const stopped = {
      ...visit,
      occurredAt: '2026-11-30T10:00:00+01:00',
      outcome: 'stopped',
      stopReason: 'visitingParentIntoxicated',
    };
    await send(t, caseId, stopped);

    const active = await t.http.get(`/cases/${caseId}`).expect(200);
    expect(active.body).toMatchObject({ state: 'activeVisits', subState: null, version: 8 });
    expect(active.body.visits.map((v: { outcome: string }) => v.outcome)).toEqual(['completed', 'stopped']);
    expect(active.body.progress.visitCount).toBe(2);
    expect(active.body.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'midpoint', dueAt: '2027-05-17T11:00:00.000Z', status: 'pending' }),
        expect.objectContaining({ kind: 'periodEnd', dueAt: '2027-11-15T23:00:00.000Z', status: 'pending' }),
      ]),
    );
    expect(active.body.allowedEvents).toEqual(['REPLACE_SUPPORTER', 'BOOK_MEETING', 'LOG_VISIT', 'END_EARLY']);

    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The parents go on without support' });
    await send(t, caseId, closingMeeting);
    const unreported = await send(t, caseId, archive, 422);
    expect(unreported.body).toMatchObject({ rule: 'visitReportsFiled', field: 'visitReports' });
    const [held, stoppedVisit] = active.body.visits as { id: string }[];
    await t.http.post(`/cases/${caseId}/visits/${held.id}/reports`).send({ text: 'Lugnt besök.' }).expect(201);
    await t.http
      .post(`/cases/${caseId}/visits/${stoppedVisit.id}/report-waiver`)
      .send({ reason: 'Umgängesstödjaren har slutat och rapporten går inte att få in' })
      .expect(201);
    const archived = await send(t, caseId, archive);
    expect(archived.body).toMatchObject({ state: 'archived', allowedEvents: [] });
    expect(archived.body.deadlines.filter((d: { status: string }) => d.status === 'pending')).toEqual([]);

    const history = await t.http.get(`/cases/${caseId}/history`).expect(200);
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual([
      'REGISTER',
      'INITIATE',
      'APPOINT_SUPPORTER',
      'SEND_SUMMONS',
      'HOLD_STARTUP_MEETING',
      'START_VISITS',
      'LOG_VISIT',
      'LOG_VISIT',
      'END_EARLY',
      'HOLD_CLOSING_MEETING',
      'VISIT_REPORT_FILED',
      'VISIT_REPORT_FILED',
      'ARCHIVE',
    ]);
    expect(history.body.items[8]).toMatchObject({
      fromState: 'activeVisits',
      toState: 'closing',
      payload: { reason: 'The parents go on without support' },
      by: { role: 'secretary' },
    });
    expect(history.body.items[11]).toMatchObject({
      type: 'VISIT_REPORT_FILED',
      payload: { waivedReason: 'Umgängesstödjaren har slutat och rapporten går inte att få in' },
    });
    expect(history.body.total).toBe(13);
  });

  it('takes the evaluation route when the court asked for one', async () => {
    const caseId = await caseIn(t, 'activeVisits', { evaluationRequested: true });
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The child moved abroad' });
    const early = await send(t, caseId, archive, 422);
    expect(early.body.message).toContain('arkiveras efter avslutningsmötet');
    const closed = await send(t, caseId, closingMeeting);
    expect(closed.body).toMatchObject({
      state: 'closing',
      subState: 'closingMeetingHeld',
      allowedEvents: ['LOG_VISIT', 'SUBMIT_EVALUATION'],
    });
    await send(t, caseId, archive, 422);
    const evaluated = await send(t, caseId, { type: 'SUBMIT_EVALUATION', sentToCourtAt: '2026-11-30T15:30:00+01:00' });
    expect(evaluated.body.state).toBe('evaluated');
    await send(t, caseId, archive);
  });

  it('ends early from before any visit and cancels the reminder that was waiting', async () => {
    const caseId = await caseIn(t, 'initiated');
    const before = await t.http.get(`/cases/${caseId}`).expect(200);
    expect(before.body.deadlines).toEqual([
      expect.objectContaining({ kind: 'supporterNotAppointed', status: 'pending' }),
      expect.objectContaining({ kind: 'periodEnd', status: 'pending' }),
    ]);
    const ended = await send(t, caseId, {
      type: 'END_EARLY',
      reasonCategory: 'other',
      reason: 'The court changed its order',
    });
    expect(ended.body.state).toBe('closing');
    expect(ended.body.deadlines).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'supporterNotAppointed', status: 'cancelled' })]),
    );
  });

  it('refuses to start visits before the enrollment form is signed, with the rule in a 422', async () => {
    const supporterId = await registerSupporter(t);
    const caseId = await registerCase(t);
    for (const event of stepsTo('startupMeeting', supporterId)) await send(t, caseId, event);
    await send(t, caseId, {
      type: 'HOLD_STARTUP_MEETING',
      heldAt: '2026-11-24T13:00:00+01:00',
      enrollmentFormSigned: false,
      rulesAccepted: true,
    });
    const refused = await send(
      t,
      caseId,
      { type: 'START_VISITS', documentCopiesSentAt: '2026-11-25T09:00:00+01:00' },
      422,
    );
    expect(refused.body.message).toContain('inskrivningsblanketten undertecknad');
    const unchanged = await t.http.get(`/cases/${caseId}`).expect(200);
    expect(unchanged.body).toMatchObject({ state: 'startupMeeting', subState: 'held', version: 5 });
  });

  it('refuses an event the state does not take with 409 naming the state and what is allowed', async () => {
    const caseId = await registerCase(t);
    const res = await send(t, caseId, { type: 'SEND_SUMMONS', meetingAt: '2026-11-24T13:00:00+01:00' }, 409);
    expect(res.body).toMatchObject({ state: 'received', allowedEvents: ['INITIATE'] });
  });

  it('refuses appointing a supporter the unit does not know with 422', async () => {
    const caseId = await caseIn(t, 'initiated');
    const res = await send(
      t,
      caseId,
      {
        type: 'APPOINT_SUPPORTER',
        supporterId: '00000000-0000-4000-8000-000000000000',
        decidedAt: '2026-11-17T10:00:00+01:00',
      },
      422,
    );
    expect(res.body).toMatchObject({ rule: 'supporterExists', field: 'supporterId' });
  });

  it('refuses a visit logged for a time still to come', async () => {
    const caseId = await caseIn(t, 'activeVisits');
    const res = await send(t, caseId, { ...visit, occurredAt: '2027-01-10T10:00:00+01:00' }, 422);
    expect(res.body).toMatchObject({ rule: 'visitHasHappened', field: 'occurredAt' });
  });

  it('answers 400 for unknown event types, system-only events, bad fields and a stop reason without a stop', async () => {
    const caseId = await caseIn(t, 'activeVisits');
    const unknown = await send(t, caseId, { type: 'TELEPORT' }, 400);
    expect(unknown.body.message[0]).toMatch(/^type ska vara en av händelserna INITIATE, /);
    const system = await send(t, caseId, { type: 'PERIOD_ENDED' }, 400);
    expect(system.body.message[0]).toContain('skickas bara av systemet');
    const bad = await send(t, caseId, { ...visit, durationMinutes: -5, outcome: 'fine', extra: 1 }, 400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'Fältet extra finns inte: ta bort det.',
        'durationMinutes får inte vara mindre än 0.',
        expect.stringMatching(/^outcome ska vara ett av/),
      ]),
    );
    const reason = await send(t, caseId, { ...visit, stopReason: 'childUnwell' }, 400);
    expect(reason.body.message).toEqual([expect.stringContaining('stopReason ska vara ett av')]);
    const missing = await send(t, caseId, { ...visit, outcome: 'stopped' }, 400);
    expect(missing.body.message).toEqual([expect.stringContaining('när umgänget avbröts')]);
    const noBody = await t.http
      .post(`/cases/${caseId}/events`)
      .set('content-type', 'application/json')
      .send('[1,2]')
      .expect(400);
    expect(noBody.body.message[0]).toMatch(/^type ska vara en av händelserna/);
  });

  it('answers 404 for a case that does not exist', async () => {
    await t.http.get('/cases/00000000-0000-4000-8000-000000000000').expect(404);
    await t.http.get('/cases/not-a-case/history').expect(404);
    await send(t, '00000000-0000-4000-8000-000000000000', { type: 'INITIATE' }, 404);
  });

  it('honours If-Match: the right version passes, a stale one gets 409 and writes nothing', async () => {
    const caseId = await registerCase(t);
    const stale = await t.http
      .post(`/cases/${caseId}/events`)
      .set('If-Match', '"7"')
      .send({ type: 'INITIATE' })
      .expect(409);
    expect(stale.body.currentVersion).toBe(1);
    await t.http.post(`/cases/${caseId}/events`).set('If-Match', 'nonsense').send({ type: 'INITIATE' }).expect(400);
    const ok = await t.http
      .post(`/cases/${caseId}/events`)
      .set('If-Match', '"1"')
      .send({ type: 'INITIATE' })
      .expect(200);
    expect(ok.headers.etag).toBe('"2"');
    await t.http
      .post(`/cases/${caseId}/events`)
      .set('If-Match', '1')
      .send({ type: 'END_EARLY', reasonCategory: 'other', reason: 'x' })
      .expect(409);
    expect((await t.http.get(`/cases/${caseId}/history`)).body.total).toBe(2);
  });

  it('lets exactly one of two racing events win; the other gets 409 and writes nothing', async () => {
    for (let round = 0; round < 5; round++) {
      const caseId = await registerCase(t);
      const results = await Promise.all([
        t.http.post(`/cases/${caseId}/events`).set('If-Match', '"1"').send({ type: 'INITIATE', diaryNumber: 'A' }),
        t.http.post(`/cases/${caseId}/events`).set('If-Match', '"1"').send({ type: 'INITIATE', diaryNumber: 'B' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const history = await t.http.get(`/cases/${caseId}/history`).expect(200);
      expect(history.body.total).toBe(2);
      const winner = results.find((r) => r.status === 200)!;
      expect(history.body.items[1].payload.diaryNumber).toBe(winner.body.progress.diaryNumber);
    }
  });

  it('lists cases by state, paged, without personal data', async () => {
    await registerCase(t);
    const page = await t.http.get('/cases?state=received&limit=2&offset=0').expect(200);
    expect(page.body.items.length).toBeLessThanOrEqual(2);
    expect(page.body.total).toBeGreaterThanOrEqual(page.body.items.length);
    for (const item of page.body.items) expect(item.state).toBe('received');
    expect(textWithoutIds(page.body)).not.toMatch(/personnummer|\d{8}-?\d{4}/);
    const bad = await t.http.get('/cases?state=nowhere&limit=1000').expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^state ska vara ett av följande värden: received, /),
        'limit får inte vara större än 200.',
      ]),
    );
  });
});
