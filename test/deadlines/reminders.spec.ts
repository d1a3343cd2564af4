import { afterEach, describe, expect, it } from '@jest/globals';
import { CaseRecord } from '../../src/cases/case-record.entity.js';
import { DeadlineQueue } from '../../src/deadlines/deadline.queue.js';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { type TestApp } from '../support/test-app.js';
import { caseOf, DeadlineRig, type AlertBody } from './deadline-support.js';
import { eventually } from '../support/eventually.js';

const DAY = 86_400_000;

async function alerts(t: TestApp, query: string): Promise<{ items: AlertBody[]; total: number }> {
  return (await t.http.get(`/alerts?${query}`).expect(200)).body;
}

describe.each(['postgres'] as const)('reminders and alerts (%s)', (database) => {
  let rig: DeadlineRig | undefined;
  afterEach(async () => {
    await rig?.dispose();
    rig = undefined;
  });

  it('raises an alert when no supporter is appointed in time, lets the secretary acknowledge it, and resolves it on appointment', async () => {
    rig = await DeadlineRig.create(database, { REMINDER_SUPPORTER_NOT_APPOINTED_DAYS: '10' });
    const t = await rig.startService();
    rig.clock.setNow('2026-11-20T09:00:00+01:00');
    const supporterId = await registerSupporter(t);
    // Registering the supporter takes its time on a busy machine: the reminder counts from the case's own registration.
    rig.clock.setNow('2026-11-20T09:00:00+01:00');
    const late = await registerCase(t);
    const onTime = await registerCase(t);
    const reminder = (await caseOf(t, late)).deadlines.find((d) => d.kind === 'supporterNotAppointed')!;
    expect(reminder.dueAt).toMatch(/^2026-11-30T08:00/);

    for (const event of stepsTo('supporterAppointed', await registerSupporter(t, 'Per Holm')))
      await send(t, onTime, event);
    rig.clock.setNow('2026-11-30T09:00:01+01:00');
    const raised = await eventually(async () => {
      const page = await alerts(t, `caseId=${late}`);
      expect(page.items).toHaveLength(1);
      return page.items[0];
    });
    expect(raised).toMatchObject({ caseId: late, kind: 'supporterNotAppointed', status: 'open', acknowledgedBy: null });
    expect(raised.message).toMatch(/Ingen umgängesstödjare har utsetts sedan domen kom in/);
    expect((await caseOf(t, late)).deadlines.find((d) => d.kind === 'supporterNotAppointed')!.status).toBe('fired');
    expect((await alerts(t, `caseId=${onTime}&kind=supporterNotAppointed&status=all`)).total).toBe(0);
    expect((await alerts(t, 'kind=notArchived')).total).toBe(0);
    expect((await alerts(t, 'kind=supporterNotAppointed')).items.map((a) => a.id)).toEqual([raised.id]);

    const acknowledged = await t.http.post(`/alerts/${raised.id}/acknowledge`).expect(200);
    expect(acknowledged.body).toMatchObject({
      id: raised.id,
      status: 'acknowledged',
      acknowledgedBy: 'test-secretary',
    });
    await t.http.post(`/alerts/${raised.id}/acknowledge`).expect(200);
    expect((await alerts(t, `caseId=${late}`)).total).toBe(0);
    expect((await alerts(t, `caseId=${late}&status=acknowledged`)).total).toBe(1);

    for (const event of stepsTo('supporterAppointed', supporterId)) await send(t, late, event);
    const resolved = await alerts(t, `caseId=${late}&status=resolved`);
    expect(resolved.items).toEqual([expect.objectContaining({ id: raised.id, status: 'resolved' })]);
    expect((await alerts(t, `caseId=${late}&status=acknowledged`)).total).toBe(0);
  });

  it('resolves an alert nobody acknowledged once what it waited for happens, and raises none for a reminder made moot in time', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow('2026-11-20T09:00:00+01:00');
    const supporterId = await registerSupporter(t);
    const caseId = await registerCase(t);
    for (const event of stepsTo('startupMeeting', supporterId)) await send(t, caseId, event);
    const summoned = await caseOf(t, caseId);
    expect(summoned.deadlines.find((d) => d.kind === 'startupMeetingNotHeld')!.status).toBe('pending');

    rig.clock.advance(21 * DAY + 1000);
    const raised = await eventually(async () => {
      const page = await alerts(t, `caseId=${caseId}&kind=startupMeetingNotHeld`);
      expect(page.total).toBe(1);
      return page.items[0];
    });
    await send(t, caseId, stepsTo('startupMeeting.held', supporterId).at(-1)!);
    expect((await alerts(t, `caseId=${caseId}&status=resolved`)).items.map((a) => a.id)).toEqual([raised.id]);

    // Another case holds its meeting before the reminder is due: cancelled, never raised.
    const prompt = await registerCase(t);
    for (const event of stepsTo('startupMeeting.held', await registerSupporter(t, 'Per Holm')))
      await send(t, prompt, event);
    const moot = (await caseOf(t, prompt)).deadlines.find((d) => d.kind === 'startupMeetingNotHeld')!;
    expect(moot.status).toBe('cancelled');
    rig.clock.advance(30 * DAY);
    // Its job waits in Redis by real time: delivered now, as it would be once due.
    const queue = t.app.get(DeadlineQueue);
    expect(await queue.withJobs([moot.id])).toEqual(new Set([moot.id]));
    await queue.promote(moot.id);
    await rig.settled([moot.id]);
    expect((await alerts(t, `caseId=${prompt}&status=all&kind=startupMeetingNotHeld`)).total).toBe(0);
    expect((await caseOf(t, prompt)).deadlines.find((d) => d.kind === 'startupMeetingNotHeld')!.status).toBe(
      'cancelled',
    );
  });

  it('refuses bad filters with 400 naming the field, and an unknown alert with 404', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    const res = await t.http.get('/alerts?kind=coffee&caseId=42&status=forgotten').expect(400);
    const text = JSON.stringify(res.body);
    for (const field of ['kind', 'caseId', 'status']) expect(text).toContain(field);
    await t.http.post('/alerts/00000000-0000-4000-8000-000000000000/acknowledge').expect(404);
  });

  it('raises a deadlineFailed alert for a deadline that keeps failing, and resolves it once the deadline fires', async () => {
    rig = await DeadlineRig.create(database, { DEADLINE_ATTEMPTS: '2', RECONCILE_EVERY_SECONDS: '2' });
    const t = await rig.startService();
    rig.clock.setNow('2027-05-01T09:00:00+02:00');
    const supporterId = await registerSupporter(t);
    const caseId = await registerCase(t);
    for (const event of stepsTo('activeVisits', supporterId)) await send(t, caseId, event);
    const midpoint = (await caseOf(t, caseId)).deadlines.find((d) => d.kind === 'midpoint')!;
    // A case stored with a machine version nobody knows any more: every attempt to move it fails.
    const cases = rig.dataSource(t.app).getRepository(CaseRecord);
    const { machineVersion } = await cases.findOneByOrFail({ id: caseId });
    await cases.update({ id: caseId }, { machineVersion: 'withdrawn-version' });
    rig.clock.setNow(new Date(Date.parse(midpoint.dueAt) + 1000));

    const failed = await eventually(async () => {
      const page = await alerts(t, `caseId=${caseId}&kind=deadlineFailed`);
      expect(page.total).toBe(1);
      return page.items[0];
    });
    expect(failed.detail).toContain('withdrawn-version');

    await cases.update({ id: caseId }, { machineVersion });
    await eventually(async () => expect((await caseOf(t, caseId)).state).toBe('midpointFollowUp'));
    expect((await alerts(t, `caseId=${caseId}&kind=deadlineFailed&status=resolved`)).items.map((a) => a.id)).toEqual([
      failed.id,
    ]);
  });
});
