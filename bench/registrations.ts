import { randomBytes } from 'node:crypto';
import { localSigningKey, mintLocalToken } from '../src/auth/local-tokens.js';
import { loadConfig } from '../src/config/app-config.js';
import { deleteQueueKeys } from '../src/queue/queue-keys.js';
import { BenchClient } from './bench-client.js';
import { BenchDatabase, freePort, ServiceProcess } from './bench-setup.js';
import { judgment } from './lifecycle.js';

const REGISTERING_CLIENTS = 16;
/** How many times along the way the API process's memory is printed. */
const SAMPLES = 10;

/** The API process's own figures of its memory, from its metrics port (prom-client's default metrics), in MB. */
async function heapOf(metricsUrl: string): Promise<{ heapUsed: number; heapTotal: number; external: number }> {
  const text = await (await fetch(`${metricsUrl}/metrics`)).text();
  const gauge = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line ? Number(line.split(' ')[1]) / 1024 / 1024 : NaN;
  };
  return {
    heapUsed: gauge('nodejs_heap_size_used_bytes'),
    heapTotal: gauge('nodejs_heap_size_total_bytes'),
    external: gauge('nodejs_external_memory_bytes'),
  };
}

/**
 * `--register-http N`: N judgments registered over HTTP into one spawned API process (as
 * `npm start` runs it, no worker), each its own court case, from several clients at once; the
 * process's resident set and heap printed SAMPLES times along the way, so growth shows as a curve.
 */
export async function runRegistrationMemoryBenchmark({
  registrations,
  postgres,
}: {
  registrations: number;
  postgres: boolean;
}): Promise<void> {
  const database = await BenchDatabase.create(postgres);
  const secret = randomBytes(32).toString('base64url');
  const metricsPort = freePort();
  const env = {
    ...database.env,
    JWT_SECRET: secret,
    RUN_WORKER: 'false',
    METRICS_PORT: String(metricsPort),
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
  };
  const service = await ServiceProcess.start('main', env, freePort());
  const metricsUrl = `http://127.0.0.1:${metricsPort}`;
  const authorization = `Bearer ${mintLocalToken(localSigningKey(loadConfig({ JWT_SECRET: secret })), { sub: 'bench-secretary', roles: ['secretary'] })}`;
  const client = new BenchClient(service.url!, { authorization });
  let cpuBefore = service.cpuMs() ?? NaN;
  const report = async (done: number, started: number, since: number, sinceDone: number) => {
    const heap = await heapOf(metricsUrl);
    const rate = (done - sinceDone) / ((performance.now() - since) / 1000);
    const cpu = service.cpuMs() ?? NaN;
    const cpuPer = done > sinceDone ? ` CPU ${((cpu - cpuBefore) / (done - sinceDone)).toFixed(2)} ms each` : '';
    cpuBefore = cpu;
    console.log(
      `  ${String(done).padStart(7)} registered  RSS ${service.rssMb()?.toFixed(0) ?? '?'} MB  heap used ${heap.heapUsed.toFixed(0)} MB of ${heap.heapTotal.toFixed(0)} MB  external ${heap.external.toFixed(0)} MB  ${rate.toFixed(0)}/s${cpuPer}  (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  };
  try {
    console.log(
      `registrations over HTTP: ${registrations} judgments, ${REGISTERING_CLIENTS} clients, one API process, ${database.label}`,
    );
    const started = performance.now();
    await report(0, started, started, 0);
    const step = Math.ceil(registrations / SAMPLES);
    let next = 0;
    let since = performance.now();
    let sinceDone = 0;
    for (let until = step; next < registrations; until = Math.min(registrations, until + step)) {
      await Promise.all(
        Array.from({ length: REGISTERING_CLIENTS }, async () => {
          while (next < until) {
            const n = next++;
            const res = await client.request('POST', '/cases', { ...judgment, courtCaseNumber: `T ${n + 1}-26` });
            if (res.status !== 201) throw new Error(`POST /cases answered ${res.status}`);
          }
        }),
      );
      await report(next, started, since, sinceDone);
      since = performance.now();
      sinceDone = next;
    }
    console.log(
      `  API process RSS ${service.rssMb()?.toFixed(0) ?? '?'} MB after ${registrations} registered over HTTP (target ≤ 300 MB after 100,000)`,
    );
  } finally {
    await client.close();
    await service.stop();
    await deleteQueueKeys({ redis: loadConfig({}).redis, queuePrefix: env.QUEUE_PREFIX });
    await database.drop();
  }
}
