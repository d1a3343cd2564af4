import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays } from '../../machines/period.js';
import { caseIn, send } from '../support/case-steps.js';
import { type TestApp } from '../support/test-app.js';
import { after, caseOf, DeadlineRig, eventually, type AlertBody } from './deadline-support.js';

/** The pending reminder that no visit has been logged for a while. */
async function reminderOf(t: TestApp, caseId: string) {
  return (await caseOf(t, caseId)).deadlines.find((d) => d.kind === 'noRecentVisit' && d.status === 'pending');
}

const aVisit = (occurredAt: string) => ({ type: 'LOG_VISIT', occurredAt, durationMinutes: 120, outcome: 'completed' });

describe.each(['sqlite'] as const)('a case whose visits have stalled (%s)', (database) => {
  let rig: DeadlineRig;
  let t: TestApp;
  beforeAll(async () => {
    rig = await DeadlineRig.create(database, { REMINDER_NO_RECENT_VISIT_DAYS: '10' });
    t = await rig.startService();
  });
  afterAll(() => rig.dispose());

  it('reminds the responsible secretary, in Swedish, once no visit was logged for the configured days; each visit moves it on', async () => {
    rig.clock.setNow('2026-11-24T14:00:00+01:00');
    const caseId = await caseIn(t, 'activeVisits');
    const { progress, responsibleSecretaryId } = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect((await reminderOf(t, caseId))!.dueAt).toBe(addDays(progress.visitsStartedAt, 10));

    rig.clock.setNow('2026-12-01T12:00:00+01:00');
    await send(t, caseId, aVisit('2026-11-30T10:00:00+01:00'));
    const moved = (await reminderOf(t, caseId))!;
    expect(moved.dueAt).toBe(addDays('2026-11-30T10:00:00+01:00', 10));
    // A visit logged late, older than the latest, does not bring the reminder back.
    await send(t, caseId, aVisit('2026-11-27T10:00:00+01:00'));
    expect((await reminderOf(t, caseId))!.dueAt).toBe(moved.dueAt);

    rig.clock.setNow(after(moved.dueAt, 1000));
    await t.reconcileNow();
    const alert = await eventually(async () => {
      const res = await t.http
        .get(`/alerts?responsibleSecretary=${responsibleSecretaryId}&kind=noRecentVisit&status=all`)
        .expect(200);
      const [raised] = res.body.items as AlertBody[];
      expect(raised).toMatchObject({ caseId, kind: 'noRecentVisit', status: 'open' });
      return raised;
    });
    expect(alert.message).toBe('Inget umgängestillfälle har registrerats på länge: kontrollera att umgänget blir av');

    // The next visit answers it: the alert resolves and the reminder waits for the one after.
    rig.clock.setNow(after(moved.dueAt, 3_600_000));
    await send(t, caseId, aVisit(new Date(Date.parse(moved.dueAt) + 60_000).toISOString()));
    const alerts = (await t.http.get(`/alerts?caseId=${caseId}&kind=noRecentVisit&status=all`).expect(200)).body;
    expect(alerts.items).toEqual([expect.objectContaining({ id: alert.id, status: 'resolved' })]);
    expect((await reminderOf(t, caseId))!.status).toBe('pending');
  });
});
