import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn, registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const visit = (occurredAt: string, extra: Record<string, unknown> = {}) => ({
  type: 'LOG_VISIT',
  occurredAt,
  durationMinutes: 90,
  outcome: 'completed',
  ...extra,
});

describe.each(['sqlite'] as const)('visits logged late, and visits that cannot have happened (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
    // After the default judgment's period (2026-11-16 – 2027-11-15); visits started 25 November 2026.
    t.clock.setNow('2026-12-10T09:00:00+01:00');
  });
  afterAll(() => t.close());

  it('keeps a visit held within the period but logged while the case closes: in the history and the compensation', async () => {
    const supporterId = await registerSupporter(t, 'Eva Berg');
    const caseId = await caseInWith(t, supporterId);
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The parents go on without support' });
    const late = await send(t, caseId, visit('2026-12-05T10:00:00+01:00'));
    expect(late.body).toMatchObject({ state: 'closing', subState: 'awaitingClosingMeeting' });
    expect(late.body.visits).toEqual([
      expect.objectContaining({ occurredAt: '2026-12-05T09:00:00.000Z', outcome: 'completed' }),
    ]);
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body.items;
    expect(history.at(-1)).toMatchObject({ type: 'LOG_VISIT', fromState: 'closing', toState: 'closing' });
    const pay = await t.http.get('/compensation?month=2026-12').expect(200);
    expect(pay.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ supporterId, visits: 1, minutes: 90 })]),
    );
  });

  it.each([
    ['before the period started', '2026-11-10T10:00:00+01:00', 'visitWithinPeriod'],
    ['before visits started', '2026-11-20T10:00:00+01:00', 'visitAfterVisitsStarted'],
  ])('refuses a visit dated %s with 422 naming occurredAt', async (_when, occurredAt, rule) => {
    // Visits start on 25 November, when the copies of the form and rules went out.
    const caseId = await caseIn(t, 'startupMeeting.held');
    await send(t, caseId, { type: 'START_VISITS', documentCopiesSentAt: '2026-11-25T09:00:00+01:00' });
    const res = await send(t, caseId, visit(occurredAt), 422);
    expect(res.body).toMatchObject({ rule, field: 'occurredAt' });
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.visits).toEqual([]);
  });

  it('refuses a visit dated after the support ended early with 422 naming occurredAt', async () => {
    const caseId = await caseIn(t, 'activeVisits');
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The child moved' });
    t.clock.setNow('2026-12-12T09:00:00+01:00');
    const res = await send(t, caseId, visit('2026-12-11T10:00:00+01:00'), 422);
    expect(res.body).toMatchObject({ rule: 'visitWithinPeriod', field: 'occurredAt' });
    t.clock.setNow('2026-12-10T09:00:00+01:00');
  });

  it('refuses a visit dated after the period ended with 422 naming occurredAt, once the period end closed the case', async () => {
    const caseId = await caseIn(t, 'activeVisits', { periodEnd: '2026-12-12' });
    t.clock.setNow('2026-12-14T09:00:00+01:00');
    // The period end's job waits for the real time it was due at: the reconciliation runs it now.
    await t.reconcileNow();
    await eventually(async () => expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.state).toBe('closing'));
    const res = await send(t, caseId, visit('2026-12-13T10:00:00+01:00'), 422);
    expect(res.body).toMatchObject({ rule: 'visitWithinPeriod', field: 'occurredAt' });
    await send(t, caseId, visit('2026-12-12T10:00:00+01:00'));
    t.clock.setNow('2026-12-10T09:00:00+01:00');
  });

  it('refuses a visit while closing when visits never started, with the rule', async () => {
    const caseId = await caseIn(t, 'initiated');
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The court changed its order' });
    const res = await send(t, caseId, visit('2026-12-05T10:00:00+01:00'), 422);
    expect(res.body.message).toContain('umgänget hade startat');
  });
});

async function caseInWith(t: TestApp, supporterId: string): Promise<string> {
  const caseId = await registerCase(t);
  for (const event of stepsTo('activeVisits', supporterId)) await send(t, caseId, event);
  return caseId;
}
