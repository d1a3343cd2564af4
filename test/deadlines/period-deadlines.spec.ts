import { afterEach, describe, expect, it } from '@jest/globals';
import { DeadlineQueue } from '../../src/deadlines/deadline.queue.js';
import { caseIn, registerCase, send } from '../support/case-steps.js';
import { after, caseOf, DeadlineRig, entriesOf, historyOf, PERIOD } from './deadline-support.js';
import { eventually } from '../support/eventually.js';

describe.each(['sqlite'] as const)('deadlines that move a case (%s)', (database) => {
  let rig: DeadlineRig | undefined;
  afterEach(async () => {
    await rig?.dispose();
    rig = undefined;
  });

  it('moves the case to midpointFollowUp at its midpoint and to closing at its period end, once each, as the system', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow(after(PERIOD.midpointAt, -86_400_000));
    const caseId = await caseIn(t, 'activeVisits');
    const before = await caseOf(t, caseId);
    const midpoint = before.deadlines.find((d) => d.kind === 'midpoint')!;
    const periodEnd = before.deadlines.find((d) => d.kind === 'periodEnd')!;
    expect(before.deadlines.filter((d) => d.status === 'pending').map((d) => d.kind)).toEqual([
      'midpoint',
      'noRecentVisit',
      'periodEnd',
    ]);

    rig.clock.setNow(after(PERIOD.midpointAt, 1000));
    await t.reconcileNow();
    const atMidpoint = await eventually(async () => {
      const view = await caseOf(t, caseId);
      expect(view.state).toBe('midpointFollowUp');
      return view;
    });
    expect(atMidpoint.deadlines.find((d) => d.kind === 'midpoint')!.status).toBe('fired');
    // The period end stays the very same pending row: the rules want the same kind at the same time.
    expect(atMidpoint.deadlines.filter((d) => d.kind === 'periodEnd')).toEqual([periodEnd]);

    rig.clock.setNow(after(PERIOD.endsAt, 1000));
    await t.reconcileNow();
    await eventually(async () => expect((await caseOf(t, caseId)).state).toBe('closing'));
    await rig.settled([midpoint.id, periodEnd.id]);
    const history = await historyOf(t, caseId);
    expect(entriesOf(history, 'MIDPOINT_REACHED')).toEqual([
      expect.objectContaining({
        fromState: 'activeVisits',
        toState: 'midpointFollowUp',
        by: { id: 'system', role: 'system' },
      }),
    ]);
    expect(entriesOf(history, 'PERIOD_ENDED')).toEqual([
      expect.objectContaining({
        fromState: 'midpointFollowUp',
        toState: 'closing',
        by: { id: 'system', role: 'system' },
      }),
    ]);
    const closed = await caseOf(t, caseId);
    expect(
      closed.deadlines.filter((d) => d.kind === 'midpoint' || d.kind === 'periodEnd').map((d) => d.status),
    ).toEqual(['fired', 'fired']);
  });

  it.each(['received', 'initiated', 'supporterAppointed', 'startupMeeting'])(
    'closes a case still in %s once its period has ended, with an alert that visits never started',
    async (waitingIn) => {
      rig = await DeadlineRig.create(database);
      const t = await rig.startService();
      rig.clock.setNow(after(PERIOD.endsAt, -30 * 86_400_000));
      const caseId = waitingIn === 'received' ? await registerCase(t) : await caseIn(t, waitingIn);
      const waiting = await caseOf(t, caseId);
      expect(waiting.deadlines).toContainEqual(
        expect.objectContaining({ kind: 'periodEnd', dueAt: PERIOD.endsAt, status: 'pending' }),
      );

      rig.clock.setNow(after(PERIOD.endsAt, 1000));
      await t.reconcileNow();
      const closed = await eventually(async () => {
        const view = await caseOf(t, caseId);
        expect(view.deadlines.find((d) => d.kind === 'periodEnd')!.status).toBe('fired');
        return view;
      });
      expect(closed.state).toBe('closing');
      expect(entriesOf(await historyOf(t, caseId), 'PERIOD_ENDED')).toEqual([
        expect.objectContaining({ fromState: waitingIn, toState: 'closing', by: { id: 'system', role: 'system' } }),
      ]);
      const alerts = (await t.http.get(`/alerts?caseId=${caseId}&kind=periodEndedBeforeVisits`).expect(200)).body;
      expect(alerts.items).toEqual([expect.objectContaining({ kind: 'periodEndedBeforeVisits', status: 'open' })]);
      // Closing waits for its meeting: the case is not left without a deadline.
      expect(closed.deadlines).toContainEqual(
        expect.objectContaining({ kind: 'closingMeetingNotHeld', status: 'pending' }),
      );
    },
  );

  it('cancels the pending deadlines when the case ends early; their jobs, delivered anyway, do nothing', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow(after(PERIOD.midpointAt, -30 * 86_400_000));
    const caseId = await caseIn(t, 'activeVisits');
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The parents go on without support' });
    const ended = await caseOf(t, caseId);
    const moot = ended.deadlines.filter((d) => d.kind === 'midpoint' || d.kind === 'periodEnd');
    expect(moot.map((d) => d.status)).toEqual(['cancelled', 'cancelled']);

    // The jobs are still in Redis; make them run now, as a late or duplicate delivery would.
    const queue = t.app.get(DeadlineQueue);
    expect(await queue.withJobs(moot.map((d) => d.id))).toEqual(new Set(moot.map((d) => d.id)));
    for (const d of moot) await queue.promote(d.id);
    await eventually(async () => expect((await queue.withJobs(moot.map((d) => d.id))).size).toBe(0));

    const afterwards = await caseOf(t, caseId);
    expect(afterwards.state).toBe('closing');
    expect(
      afterwards.deadlines.filter((d) => d.kind === 'midpoint' || d.kind === 'periodEnd').map((d) => d.status),
    ).toEqual(['cancelled', 'cancelled']);
    const history = await historyOf(t, caseId);
    expect(entriesOf(history, 'MIDPOINT_REACHED')).toHaveLength(0);
    expect(entriesOf(history, 'PERIOD_ENDED')).toHaveLength(0);
  });
});
