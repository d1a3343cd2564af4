import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { DeadlineActions } from '../../src/deadlines/deadline-actions.service.js';
import { caseIn } from '../support/case-steps.js';
import { deleteQueueKeys } from '../../src/queue/queue-keys.js';
import { DATABASES, type TestApp } from '../support/test-app.js';
import { after, caseOf, DeadlineRig, entriesOf, historyOf, PERIOD } from './deadline-support.js';
import { eventually } from '../support/eventually.js';

function sparePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function midpointsOf(t: TestApp, caseIds: string[]): Promise<string[]> {
  return Promise.all(
    caseIds.map(async (caseId) => (await caseOf(t, caseId)).deadlines.find((d) => d.kind === 'midpoint')!.id),
  );
}

async function stopRedis(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM');
  await exited;
}

describe.each(DATABASES)('deadlines survive what can go wrong (%s)', (database) => {
  let rig: DeadlineRig | undefined;
  let redis: ChildProcess | undefined;
  afterEach(async () => {
    await rig?.dispose();
    await stopRedis(redis);
    rig = undefined;
    redis = undefined;
  });

  it('restores the jobs after Redis lost them, and fires each deadline once', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow(after(PERIOD.midpointAt, -2500));
    const caseIds = [await caseIn(t, 'activeVisits'), await caseIn(t, 'activeVisits')];
    await deleteQueueKeys(rig.config); // the queue's keys only: the reconciliation schedule goes too

    for (const caseId of caseIds) {
      await eventually(async () => expect((await caseOf(t, caseId)).state).toBe('midpointFollowUp'));
    }
    await rig.settled(await midpointsOf(t, caseIds));
    for (const caseId of caseIds) expect(entriesOf(await historyOf(t, caseId), 'MIDPOINT_REACHED')).toHaveLength(1);
  });

  it('fires a deadline that passed while the service was stopped when it starts again', async () => {
    rig = await DeadlineRig.create(database);
    const first = await rig.startService();
    rig.clock.setNow(after(PERIOD.midpointAt, -7 * 86_400_000));
    const caseId = await caseIn(first, 'activeVisits');
    await first.close();

    rig.clock.setNow(after(PERIOD.midpointAt, 3_600_000));
    const second = await rig.startService();
    await eventually(async () => expect((await caseOf(second, caseId)).state).toBe('midpointFollowUp'));
    await rig.settled(await midpointsOf(second, [caseId]));
    expect(entriesOf(await historyOf(second, caseId), 'MIDPOINT_REACHED')).toHaveLength(1);
  });

  it('acts once on each deadline when two workers share the queue', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    const worker = await rig.startWorker();
    rig.clock.setNow(after(PERIOD.midpointAt, -4000));
    const caseIds: string[] = [];
    for (let i = 0; i < 4; i++) caseIds.push(await caseIn(t, 'activeVisits'));
    // Besides the queue's own deliveries: both processes handed the same deadline at the same moment.
    const contested = (await caseOf(t, caseIds[0])).deadlines.find((d) => d.kind === 'midpoint')!;
    rig.clock.setNow(new Date(Math.max(Date.parse(contested.dueAt), rig.clock.now().getTime())));
    const outcomes = await Promise.allSettled([
      t.app.get(DeadlineActions).act(contested.id),
      worker.get(DeadlineActions).act(contested.id),
    ]);
    const answered = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.outcome] : []));
    expect(answered).not.toContain('notYetDue');
    expect(answered.filter((outcome) => outcome === 'fired').length).toBeLessThanOrEqual(1);

    for (const caseId of caseIds) {
      await eventually(async () => expect((await caseOf(t, caseId)).state).toBe('midpointFollowUp'));
    }
    await rig.settled(await midpointsOf(t, caseIds));
    for (const caseId of caseIds) expect(entriesOf(await historyOf(t, caseId), 'MIDPOINT_REACHED')).toHaveLength(1);
  });

  it('serves requests without waiting while Redis is unreachable, and fires the deadlines once it is back', async () => {
    const port = await sparePort();
    rig = await DeadlineRig.create(database, { REDIS_URL: `redis://127.0.0.1:${port}` });
    const t = await rig.startService();
    rig.clock.setNow(after(PERIOD.midpointAt, -2000));
    const started = Date.now();
    const caseId = await caseIn(t, 'activeVisits');
    // Eight requests; with a request waiting on Redis this would take minutes, not seconds.
    expect(Date.now() - started).toBeLessThan(5000);
    const health = await t.anonymous.get('/health').expect(503);
    expect(health.body.details.redis.status).toBe('down');

    // Due by the clock, but with Redis away nothing can deliver it: it fires only once Redis is back.
    rig.clock.setNow(after(PERIOD.midpointAt, 500));
    const waiting = await caseOf(t, caseId);
    expect(waiting.state).toBe('activeVisits');
    expect(waiting.deadlines.find((d) => d.kind === 'midpoint')!.status).toBe('pending');

    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await eventually(async () => expect((await caseOf(t, caseId)).state).toBe('midpointFollowUp'), 15_000);
    await t.anonymous.get('/health').expect(200);
    await rig.settled(await midpointsOf(t, [caseId]));
    expect(entriesOf(await historyOf(t, caseId), 'MIDPOINT_REACHED')).toHaveLength(1);
  });
});
