import { afterEach, describe, expect, it } from '@jest/globals';
import { caseIn, registerCase, send } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { type TestApp } from '../support/test-app.js';
import { after, caseOf, DeadlineRig, PERIOD, type AlertBody } from './deadline-support.js';
import { eventually } from '../support/eventually.js';

const DAY = 86_400_000;

async function alertsOf(t: TestApp, caseId: string, kind: string): Promise<AlertBody[]> {
  return (await t.http.get(`/alerts?caseId=${caseId}&kind=${kind}&status=all`).expect(200)).body.items;
}

async function deadlineOf(t: TestApp, caseId: string, kind: string) {
  return (await caseOf(t, caseId)).deadlines.find((d) => d.kind === kind);
}

/**
 * Each reminder of a waiting state: where the case waits, the event it waits for, and how many
 * days the default delay gives. The clock stands at the moment the case reaches the state.
 */
const WAITS = [
  {
    kind: 'summonsNotSent',
    state: 'supporterAppointed',
    awaited: { type: 'SEND_SUMMONS', meetingAt: '2026-12-10T13:00:00+01:00' },
    days: 7,
  },
  {
    kind: 'visitsNotStarted',
    state: 'startupMeeting.held',
    awaited: { type: 'START_VISITS', documentCopiesSentAt: '2026-11-25T09:00:00+01:00' },
    // Counted from the meeting itself (12 November 13:00).
    days: 14,
    from: '2026-11-12T13:00:00+01:00',
  },
] as const;

describe.each(['postgres'] as const)('reminders in every waiting state (%s)', (database) => {
  let rig: DeadlineRig | undefined;
  afterEach(async () => {
    await rig?.dispose();
    rig = undefined;
  });

  it.each(WAITS)('raises $kind when due and resolves it when what it waits for happens', async (wait) => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow('2026-11-24T14:00:00+01:00');
    const caseId = await caseIn(t, wait.state);
    const reminder = (await deadlineOf(t, caseId, wait.kind))!;
    const from = 'from' in wait ? Date.parse(wait.from) : Date.parse('2026-11-24T14:00:00+01:00');
    expect(Math.abs(Date.parse(reminder.dueAt) - (from + wait.days * DAY))).toBeLessThan(60_000);

    rig.clock.setNow(after(reminder.dueAt, 1000));
    await t.reconcileNow();
    const raised = await eventually(async () => {
      const [alert] = await alertsOf(t, caseId, wait.kind);
      expect(alert).toMatchObject({ kind: wait.kind, status: 'open' });
      return alert;
    });
    await send(t, caseId, wait.awaited);
    expect(await alertsOf(t, caseId, wait.kind)).toEqual([
      expect.objectContaining({ id: raised.id, status: 'resolved' }),
    ]);
  });

  it.each(WAITS)('cancels $kind when the case ends early before it falls due', async (wait) => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow('2026-11-24T14:00:00+01:00');
    const caseId = await caseIn(t, wait.state);
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The court changed its order' });
    expect((await deadlineOf(t, caseId, wait.kind))!.status).toBe('cancelled');
  });

  it('reminds that the midpoint follow-up is not held, and resolves the reminder when it is held', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow(after(PERIOD.midpointAt, 1000));
    const caseId = await caseIn(t, 'activeVisits');
    await eventually(async () => expect((await caseOf(t, caseId)).state).toBe('midpointFollowUp'));
    const reminder = (await deadlineOf(t, caseId, 'followUpNotHeld'))!;
    expect(reminder.status).toBe('pending');
    rig.clock.setNow(after(reminder.dueAt, 1000));
    await t.reconcileNow();
    await eventually(async () => expect(await alertsOf(t, caseId, 'followUpNotHeld')).toHaveLength(1));
    await send(t, caseId, { type: 'HOLD_FOLLOW_UP', heldAt: '2027-05-31T10:00:00+02:00' });
    expect(await alertsOf(t, caseId, 'followUpNotHeld')).toEqual([expect.objectContaining({ status: 'resolved' })]);
  });

  it('reminds that the closing meeting is not held, and resolves the reminder when it is held', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow('2026-12-01T09:00:00+01:00');
    const caseId = await caseIn(t, 'activeVisits');
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The parents go on without support' });
    const reminder = (await deadlineOf(t, caseId, 'closingMeetingNotHeld'))!;
    expect(Date.parse(reminder.dueAt) - Date.parse('2026-12-01T09:00:00+01:00')).toBeGreaterThanOrEqual(21 * DAY);
    rig.clock.setNow(after(reminder.dueAt, 1000));
    await t.reconcileNow();
    await eventually(async () => expect(await alertsOf(t, caseId, 'closingMeetingNotHeld')).toHaveLength(1));
    await send(t, caseId, { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-12-22T08:00:00+01:00' });
    expect(await alertsOf(t, caseId, 'closingMeetingNotHeld')).toEqual([
      expect.objectContaining({ status: 'resolved' }),
    ]);
  });

  it('counts the appointment reminder from the day the judgment reached the unit: thirty days ago raises it at once', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow('2026-12-20T10:00:00+01:00');
    const late = (
      await t.http
        .post('/cases')
        .send(aJudgment({ receivedAt: '2026-11-20' }))
        .expect(201)
    ).body.id as string;
    const onTime = await registerCase(t);
    expect((await deadlineOf(t, late, 'supporterNotAppointed'))!.dueAt).toBe('2026-12-03T23:00:00.000Z');
    await eventually(async () =>
      expect(await alertsOf(t, late, 'supporterNotAppointed')).toEqual([expect.objectContaining({ status: 'open' })]),
    );
    expect((await deadlineOf(t, onTime, 'supporterNotAppointed'))!.status).toBe('pending');
    const history = (await t.http.get(`/cases/${late}/history`).expect(200)).body.items;
    expect(history[0].payload).toMatchObject({ receivedAt: '2026-11-20' });
  });
});
