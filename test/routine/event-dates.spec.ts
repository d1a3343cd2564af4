import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn, registerSupporter, send } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

/** Today in these tests: 10 December 2026, a month into the default judgment's period. */
const NOW = '2026-12-10T12:00:00+01:00';

describe.each(DATABASES)('dates checked against the case and the clock (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow(NOW);
  });
  afterAll(() => t.close());

  /** Sends the event, expects 422 naming rule and field, and checks that the case did not change. */
  async function refused(caseId: string, event: Record<string, unknown>, rule: string, field: string) {
    const before = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body.total;
    const res = await send(t, caseId, event, 422);
    expect(res.body).toMatchObject({ rule, field });
    expect(res.body.message).toMatch(/[åäöÅÄÖ]|kan inte|ska/);
    const after = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(after.version).toBe(before.version);
    expect(after.state).toBe(before.state);
    expect((await t.http.get(`/cases/${caseId}/history`).expect(200)).body.total).toBe(history);
  }

  it('refuses an appointment decided in the future or before the judgment', async () => {
    const supporterId = await registerSupporter(t);
    const caseId = await caseIn(t, 'initiated');
    const appoint = (decidedAt: string) => ({ type: 'APPOINT_SUPPORTER', supporterId, decidedAt });
    await refused(caseId, appoint('2027-03-01T10:00:00+01:00'), 'decisionNotInFuture', 'decidedAt');
    await refused(caseId, appoint('2026-11-01T10:00:00+01:00'), 'decisionAfterJudgment', 'decidedAt');
    await send(t, caseId, appoint('2026-11-02T15:00:00+01:00'));
  });

  it('refuses a replacement decided before the appointment it replaces', async () => {
    const caseId = await caseIn(t, 'activeVisits');
    const next = await registerSupporter(t, 'Per Holm');
    const replace = (decidedAt: string) => ({
      type: 'REPLACE_SUPPORTER',
      supporterId: next,
      decidedAt,
      reason: 'Flytt',
    });
    // The appointment in the test steps was decided on 9 November 2026 at 10.00.
    await refused(caseId, replace('2026-11-09T09:00:00+01:00'), 'replacementAfterAppointment', 'decidedAt');
    await refused(caseId, replace('2026-12-11T09:00:00+01:00'), 'decisionNotInFuture', 'decidedAt');
    await send(t, caseId, replace('2026-12-09T09:00:00+01:00'));
  });

  it('records the day a summons was sent, today by default, and refuses one that does not fit', async () => {
    const caseId = await caseIn(t, 'supporterAppointed');
    const summons = (extra: Record<string, unknown>) => ({
      type: 'SEND_SUMMONS',
      meetingAt: '2026-12-17T13:00:00+01:00',
      ...extra,
    });
    await refused(caseId, summons({ sentOn: '2026-12-11' }), 'summonsSentNotInFuture', 'sentOn');
    await refused(caseId, summons({ sentOn: '2026-11-08' }), 'summonsAfterAppointment', 'sentOn');
    // A meeting eleven months in the past, summoned today.
    await refused(caseId, summons({ meetingAt: '2026-01-12T13:00:00+01:00' }), 'meetingAfterSummons', 'meetingAt');
    await refused(
      caseId,
      summons({ sentOn: '2026-12-05', meetingAt: '2026-12-05T15:00:00+01:00' }),
      'meetingAfterSummons',
      'meetingAt',
    );
    await send(t, caseId, summons({ sentOn: '2026-12-04' }));
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body.items;
    expect(history.at(-1)).toMatchObject({ type: 'SEND_SUMMONS', payload: { sentOn: '2026-12-04' } });

    const byDefault = await caseIn(t, 'supporterAppointed');
    await send(t, byDefault, summons({}));
    const defaulted = (await t.http.get(`/cases/${byDefault}/history`).expect(200)).body.items;
    expect(defaulted.at(-1).payload).toMatchObject({ sentOn: '2026-12-10' });
  });

  it('refuses a start-up meeting marked held nine days ahead, and copies sent before it was held', async () => {
    const caseId = await caseIn(t, 'startupMeeting');
    const meeting = { type: 'HOLD_STARTUP_MEETING', enrollmentFormSigned: true, rulesAccepted: true };
    await refused(caseId, { ...meeting, heldAt: '2026-12-19T13:00:00+01:00' }, 'meetingHeldNotInFuture', 'heldAt');
    await refused(caseId, { ...meeting, heldAt: '2026-10-19T13:00:00+01:00' }, 'meetingAfterJudgment', 'heldAt');
    await send(t, caseId, { ...meeting, heldAt: '2026-11-20T13:00:00+01:00' });
    const copies = (documentCopiesSentAt: string) => ({ type: 'START_VISITS', documentCopiesSentAt });
    await refused(caseId, copies('2026-11-19T09:00:00+01:00'), 'copiesAfterStartupMeeting', 'documentCopiesSentAt');
    await refused(caseId, copies('2026-12-12T09:00:00+01:00'), 'copiesSentNotInFuture', 'documentCopiesSentAt');
    await send(t, caseId, copies('2026-11-21T09:00:00+01:00'));
  });

  it('refuses a closing meeting, an evaluation and a termination decision dated in the future', async () => {
    const caseId = await caseIn(t, 'activeVisits', { evaluationRequested: true });
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'Föräldrarna klarar umgänget själva' });
    const closing = (heldAt: string) => ({ type: 'HOLD_CLOSING_MEETING', heldAt });
    await refused(caseId, closing('2026-12-11T10:00:00+01:00'), 'meetingHeldNotInFuture', 'heldAt');
    await send(t, caseId, closing('2026-12-09T10:00:00+01:00'));
    const evaluation = (sentToCourtAt: string) => ({ type: 'SUBMIT_EVALUATION', sentToCourtAt });
    await refused(caseId, evaluation('2026-12-24T10:00:00+01:00'), 'evaluationSentNotInFuture', 'sentToCourtAt');
    await refused(caseId, evaluation('2026-12-08T10:00:00+01:00'), 'evaluationAfterClosingMeeting', 'sentToCourtAt');
    await send(t, caseId, evaluation('2026-12-10T10:00:00+01:00'));
    const archive = (terminationDecidedAt: string) => ({ type: 'ARCHIVE', terminationDecidedAt });
    await refused(caseId, archive('2027-01-10T10:00:00+01:00'), 'decisionNotInFuture', 'terminationDecidedAt');
    await refused(caseId, archive('2026-10-10T10:00:00+01:00'), 'decisionAfterJudgment', 'terminationDecidedAt');
    await send(t, caseId, archive('2026-12-10T11:00:00+01:00'));
  });

  it('refuses a consent dated tomorrow or before the judgment, and an interview declined in the future', async () => {
    const caseId = await caseIn(t, 'startupMeeting');
    const consent = (givenOn: string) =>
      t.http
        .post(`/cases/${caseId}/interviews/0/consent`)
        .send({ guardian: 'residentParent', givenOn, atStartupMeeting: true });
    expect((await consent('2026-12-11').expect(422)).body).toMatchObject({ rule: 'withinCaseLife', field: 'givenOn' });
    expect((await consent('2026-10-30').expect(422)).body).toMatchObject({ rule: 'withinCaseLife', field: 'givenOn' });
    const declined = await t.http
      .post(`/cases/${caseId}/interviews/0/declined`)
      .send({ declinedAt: '2026-12-12T09:00:00+01:00', reason: 'Alva vill inte' })
      .expect(422);
    expect(declined.body).toMatchObject({ rule: 'withinCaseLife', field: 'declinedAt' });
    const interviews = (await t.http.get(`/cases/${caseId}/interviews`).expect(200)).body.items;
    expect(interviews[0]).toMatchObject({ status: 'noConsent', consent: { records: [] } });
    await consent('2026-12-10').expect(200);
  });
});
