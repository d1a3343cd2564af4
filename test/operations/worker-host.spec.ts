import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/app-config.js';
import type { JobHandler } from '../../src/queue/job-handler.js';
import type { RedisConnection } from '../../src/queue/redis-connection.js';
import { WorkerHost } from '../../src/queue/worker-host.service.js';

/** Never reached: the host checks its handlers before it touches Redis. */
const NO_REDIS = {} as RedisConnection;

function handler<Q extends 'deadlines' | 'notifications'>(queue: Q, jobs: Record<string, () => Promise<string>>) {
  return {
    queue,
    options: { concurrency: 1 },
    jobs,
    schedule: () => Promise.resolve(),
    catchUp: () => Promise.resolve(),
    failed: () => undefined,
  } as unknown as JobHandler<Q>;
}

describe('the worker host at boot', () => {
  it('refuses to start while a queue has no handler, or its handler lacks one of its jobs, naming each', () => {
    const host = new WorkerHost(loadConfig({}), NO_REDIS);
    host.register(handler('deadlines', { deadline: () => Promise.resolve('fired') }));
    expect(() => host.onApplicationBootstrap()).toThrow(
      'The worker cannot start: queue deadlines has no handler for its job reconcile; queue notifications has no job handler',
    );
  });

  it('refuses a second handler for one queue', () => {
    const host = new WorkerHost(loadConfig({}), NO_REDIS);
    const jobs = { send: () => Promise.resolve('sent'), tick: () => Promise.resolve('ticked') };
    host.register(handler('notifications', jobs));
    expect(() => host.register(handler('notifications', jobs))).toThrow('queue notifications has two job handlers');
  });

  it('checks nothing in a process that runs no worker', () => {
    const host = new WorkerHost(loadConfig({ RUN_WORKER: 'false' }), NO_REDIS);
    expect(() => host.onApplicationBootstrap()).not.toThrow();
  });
});
