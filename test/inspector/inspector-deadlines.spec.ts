import { afterEach, describe, expect, it } from '@jest/globals';
import { caseIn } from '../support/case-steps.js';
import { after, caseOf, DeadlineRig, PERIOD } from '../deadlines/deadline-support.js';
import { listening, StreamReader } from './inspector-support.js';

describe.each(['postgres'] as const)("the inspector's stream follows deadlines (%s)", (database) => {
  let rig: DeadlineRig | undefined;
  let stream: StreamReader | undefined;
  afterEach(async () => {
    await stream?.stop();
    await rig?.dispose();
    rig = undefined;
    stream = undefined;
  });

  const midpointReached = (caseId: string) => (messages: StreamReader['messages']) =>
    messages.some((m) => m.caseId === caseId && m.eventType === 'MIDPOINT_REACHED' && m.state === 'midpointFollowUp');

  it('carries a deadline fired by the service itself', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    stream = new StreamReader(await listening(t), t.token('developer'));
    await stream.ready();
    rig.clock.setNow(after(PERIOD.midpointAt, -2000));
    const caseId = await caseIn(t, 'activeVisits');
    await stream.until(midpointReached(caseId), 10_000);
  });

  it('carries a deadline fired by a separate worker process', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService({ runWorker: false });
    await rig.startWorker();
    stream = new StreamReader(await listening(t), t.token('developer'));
    await stream.ready();
    rig.clock.setNow(after(PERIOD.midpointAt, -2000));
    const caseId = await caseIn(t, 'activeVisits');
    await stream.until(midpointReached(caseId), 10_000);
    await rig.settled([(await caseOf(t, caseId)).deadlines.find((d) => d.kind === 'midpoint')!.id]);
    expect(
      stream.messages.filter(
        (m) => m.caseId === caseId && m.eventType === 'MIDPOINT_REACHED' && m.inspection === '@xstate.snapshot',
      ),
    ).toHaveLength(1);
  });
});
