import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../deadlines/deadline-support.js';
import { caseIn, registerCase, send } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

/** A judgment whose period ran out before the unit registered it. */
const PAST_PERIOD = { judgmentDate: '2026-08-20', periodStart: '2026-09-01', periodEnd: '2026-11-30' };

describe.each(DATABASES)('the court is told when support never started (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // Deadlines are looked at every second, so a period that already ended is acted on at once.
    t = await startTestApp({ database, env: { RECONCILE_EVERY_SECONDS: '1' } });
    t.clock.setNow('2026-12-10T12:00:00+01:00');
  });
  afterAll(() => t.close());

  const caseOf = async (caseId: string) => (await t.http.get(`/cases/${caseId}`).expect(200)).body;

  it('lets a judgment registered after its period get its diary number and be archived, no dead end', async () => {
    const caseId = await registerCase(t, PAST_PERIOD);
    await eventually(async () => expect((await caseOf(caseId)).state).toBe('closing'));
    expect((await caseOf(caseId)).progress.closing).toMatchObject({ cause: 'periodEndedBeforeVisits' });
    const initiated = await send(t, caseId, { type: 'INITIATE', diaryNumber: 'SN 2026/0777' });
    expect(initiated.body).toMatchObject({ state: 'closing', progress: { diaryNumber: 'SN 2026/0777' } });
    expect(initiated.body.allowedEvents).toContain('ARCHIVE');
    await send(t, caseId, { type: 'INITIATE', diaryNumber: 'SN 2026/0778' }, 422);
    const archived = await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: '2026-12-10T10:00:00+01:00' });
    expect(archived.body.state).toBe('archived');
  });

  it('sends the court its letter as the evaluation where the court asked for one, then archives', async () => {
    const caseId = await registerCase(t, { ...PAST_PERIOD, evaluationRequested: true });
    await eventually(async () => expect((await caseOf(caseId)).state).toBe('closing'));
    await send(t, caseId, { type: 'INITIATE' });
    await send(t, caseId, { type: 'RECORD_DIARY_NUMBER', diaryNumber: 'SN 2026/0779' });
    await send(t, caseId, { type: 'RECORD_DIARY_NUMBER', diaryNumber: 'SN 2026/0780' }, 422);
    await send(t, caseId, { type: 'SUBMIT_EVALUATION', sentToCourtAt: '2026-12-09T10:00:00+01:00' });
    await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: '2026-12-10T10:00:00+01:00' });
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body.items;
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'REGISTER',
      'PERIOD_ENDED',
      'INITIATE',
      'RECORD_DIARY_NUMBER',
      'SUBMIT_EVALUATION',
      'ARCHIVE',
    ]);
  });

  it('records an early end before visits with its own day and category, and closes without a closing meeting', async () => {
    const caseId = await caseIn(t, 'supporterAppointed');
    await send(t, caseId, {
      type: 'END_EARLY',
      reasonCategory: 'courtChangedOrder',
      reason: 'Tingsrätten upphävde umgänget',
      endedOn: '2026-12-04',
    });
    expect((await caseOf(caseId)).progress.closing).toMatchObject({
      cause: 'endedEarly',
      endedOn: '2026-12-04',
      earlyEndCategory: 'courtChangedOrder',
      earlyEndReason: 'Tingsrätten upphävde umgänget',
    });
    await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: '2026-12-10T10:00:00+01:00' });
  });

  it('still holds a case whose visits had started to its closing meeting', async () => {
    const caseId = await caseIn(t, 'activeVisits');
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'parentsAgreed', reason: 'Föräldrarna är överens' });
    expect((await caseOf(caseId)).progress.closing).toMatchObject({ endedOn: '2026-12-10' });
    const refused = await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: '2026-12-10T10:00:00+01:00' }, 422);
    expect(refused.body.message).toContain('avslutningsmötet');
  });
});
