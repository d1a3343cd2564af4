import { afterEach, describe, expect, it } from '@jest/globals';
import { In } from 'typeorm';
import { CaseRecord } from '../../src/cases/case-record.entity.js';
import { Deadline } from '../../src/deadlines/deadline.entity.js';
import { caseIn, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { caseOf, DeadlineRig, historyOf } from './deadline-support.js';

describe.each(['postgres'] as const)('cases stored under contactSupport@1 (%s)', (database) => {
  let rig: DeadlineRig | undefined;
  afterEach(async () => {
    await rig?.dispose();
    rig = undefined;
  });

  it('moves an open @1 case to the current version at start-up, records it in the history, gives it its period end, and takes its next event', async () => {
    rig = await DeadlineRig.create(database);
    let t = await rig.startService();
    rig.clock.setNow('2026-11-20T09:00:00+01:00');
    const supporterId = await registerSupporter(t);
    const open = await caseIn(t, 'initiated');
    const archived = await caseIn(t, 'activeVisits');
    await send(t, archived, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The court changed its order' });
    await send(t, archived, { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-11-20T08:00:00+01:00' });
    await send(t, archived, { type: 'ARCHIVE', terminationDecidedAt: '2026-11-20T08:30:00+01:00' });

    // As the @1 code left them: the same snapshots (@2 only adds transitions), and no period end
    // before visits started, which @1 did not know.
    const data = rig.dataSource(t.app);
    await data.getRepository(CaseRecord).update({ id: In([open, archived]) }, { machineVersion: 'contactSupport@1' });
    await data.getRepository(Deadline).delete({ caseId: open, kind: 'periodEnd' });
    const before = await data.getRepository(CaseRecord).findOneByOrFail({ id: open });
    await rig.stop(t.app);

    t = await rig.startService();
    const moved = (await t.http.get(`/cases/${open}`).expect(200)).body;
    expect(moved).toMatchObject({
      machineVersion: 'contactSupport@3',
      state: 'initiated',
      version: before.version + 1,
    });
    expect(moved.deadlines).toContainEqual(expect.objectContaining({ kind: 'periodEnd', status: 'pending' }));
    expect((await historyOf(t, open)).at(-1)).toMatchObject({
      type: 'MACHINE_MIGRATED',
      fromState: 'initiated',
      toState: 'initiated',
      payload: { fromVersion: 'contactSupport@1', toVersion: 'contactSupport@3' },
      by: { id: 'system', role: 'system' },
    });
    const [appoint] = stepsTo('supporterAppointed', supporterId).slice(-1);
    expect((await send(t, open, appoint)).body).toMatchObject({
      state: 'supporterAppointed',
      machineVersion: 'contactSupport@3',
    });

    // An archived case never changes again: it keeps the version it ended under, and still answers.
    const kept = (await t.http.get(`/cases/${archived}`).expect(200)).body;
    expect(kept).toMatchObject({ machineVersion: 'contactSupport@1', state: 'archived', allowedEvents: [] });
    expect((await historyOf(t, archived)).map((e) => e.type)).not.toContain('MACHINE_MIGRATED');

    // A second start finds nothing left to move.
    await rig.stop(t.app);
    t = await rig.startService();
    expect((await historyOf(t, open)).filter((e) => e.type === 'MACHINE_MIGRATED')).toHaveLength(1);
    expect((await caseOf(t, open)).state).toBe('supporterAppointed');
  });
});
