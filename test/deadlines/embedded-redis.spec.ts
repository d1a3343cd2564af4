import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { EmbeddedRedis } from '../../src/queue/embedded-redis.js';
import { answersPing, createRedisClient } from '../../src/queue/redis-endpoint.js';
import { resolveRedis } from '../../src/queue/resolve-redis.js';
import { caseIn } from '../support/case-steps.js';
import { after, caseOf, DeadlineRig, PERIOD } from './deadline-support.js';
import { eventually } from '../support/eventually.js';

function closedPortUrl(): Promise<string> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(`redis://127.0.0.1:${port}`));
    });
  });
}

function recordingLog() {
  const lines: { level: 'log' | 'warn'; message: string }[] = [];
  return {
    lines,
    log: (message: string) => lines.push({ level: 'log', message }),
    warn: (message: string) => lines.push({ level: 'warn', message }),
  };
}

describe('the embedded Redis', () => {
  const dirs: string[] = [];
  const aDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('starts a private redis-server with append-only data under the data directory when none answers, and keeps the data across restarts', async () => {
    const dataDir = aDataDir();
    const config = { redis: { url: await closedPortUrl(), explicit: false }, dataDir };
    const first = await resolveRedis(config, recordingLog());
    expect(first.endpoint).toEqual({ path: join(dataDir, 'redis', 'redis.sock') });
    const client = createRedisClient(first.endpoint);
    await client.set('kept', 'yes');
    client.disconnect();
    expect(existsSync(join(dataDir, 'redis', 'appendonlydir'))).toBe(true);

    // Another process on the same data directory uses the running one rather than starting a second.
    const second = await resolveRedis(config, recordingLog());
    expect(second).toEqual({ endpoint: first.endpoint });

    await first.embedded!.stop();
    expect(await answersPing(first.endpoint)).toBe(false);
    const again = await EmbeddedRedis.start(dataDir);
    if (again.outcome !== 'started') throw new Error(again.outcome);
    const reader = createRedisClient(again.server.endpoint);
    expect(await reader.get('kept')).toBe('yes');
    reader.disconnect();
    await again.server.stop();
  });

  it('uses a REDIS_URL the operator named as given, even while nothing answers there', async () => {
    const url = await closedPortUrl();
    const log = recordingLog();
    expect(await resolveRedis({ redis: { url, explicit: true }, dataDir: aDataDir() }, log)).toEqual({
      endpoint: { url },
    });
    expect(log.lines).toEqual([]);
  });

  it('says once, clearly, that no redis-server is installed, and carries on with the default address', async () => {
    const url = await closedPortUrl();
    const log = recordingLog();
    const dataDir = aDataDir();
    expect(await resolveRedis({ redis: { url, explicit: false }, dataDir }, log, 'no-such-redis-server')).toEqual({
      endpoint: { url },
    });
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toEqual({ level: 'warn', message: expect.stringContaining('redis-server is not installed') });
    expect(log.lines[0].message).toContain('apt-get install redis-server');
  });

  it('runs the service on its private Redis, delivers deadlines through it, and stops it on shutdown', async () => {
    const rig = await DeadlineRig.create('sqlite');
    try {
      const t = await rig.startService({ redis: { url: await closedPortUrl(), explicit: false } });
      const health = await t.anonymous.get('/health').expect(200);
      expect(health.body.details.redis).toMatchObject({ status: 'up' });
      expect(await answersPing(EmbeddedRedis.endpointFor(rig.config.dataDir))).toBe(true);
      rig.clock.setNow(after(PERIOD.midpointAt, -1500));
      const caseId = await caseIn(t, 'activeVisits');
      await eventually(async () => expect((await caseOf(t, caseId)).state).toBe('midpointFollowUp'));
      await t.close();
      expect(await answersPing(EmbeddedRedis.endpointFor(rig.config.dataDir))).toBe(false);
    } finally {
      await rig.dispose();
    }
  });
});
