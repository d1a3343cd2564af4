import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Alert } from '../src/alerts/alert.entity.js';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/app-config.js';
import { Deadline } from '../src/deadlines/deadline.entity.js';
import { DeadlineQueue } from '../src/deadlines/deadline.queue.js';
import { DeadlineJob } from '../src/deadlines/deadline.job.js';
import { deleteQueueKeys } from '../src/queue/queue-keys.js';
import { RedisConnection } from '../src/queue/redis-connection.js';
import { WorkerModule } from '../src/worker.module.js';
import { percentile } from './bench-client.js';
import { BenchDatabase, coresLine, freePort, ServiceProcess } from './bench-setup.js';

export interface DeadlineBenchOptions {
  deadlines: number;
  /** The deadlines fall due evenly over this many ms (0: all in the same instant), starting this long after they are scheduled. */
  spreadMs: number;
  leadMs: number;
  /** Jobs each worker runs at once; none: the service's default (DEADLINE_CONCURRENCY). */
  concurrency?: number;
  timeoutMs: number;
  postgres: boolean;
  /** Worker processes to spawn (`npm run worker`); none: the benchmark's own process is the worker. */
  workers?: number;
}

const DEFAULTS: DeadlineBenchOptions = {
  deadlines: 10_000,
  spreadMs: 5000,
  leadMs: 2000,
  timeoutMs: 60_000,
  postgres: false,
};

/** The sum over the workers' /metrics of their deliveries that acted. */
async function firedDeliveries(workers: ServiceProcess[]): Promise<number> {
  let sum = 0;
  for (const worker of workers) {
    const text = await (await fetch(`${worker.url}/metrics`)).text();
    sum += Number(/^deadline_deliveries_total\{outcome="fired"\} (\d+)/m.exec(text)?.[1] ?? 0);
  }
  return sum;
}

/**
 * Schedules many reminder deadlines falling due within a few seconds (or all at once) and lets
 * the worker(s) act on them (each: its row marked fired and an alert raised, in one durable
 * transaction). Reports how long until all acted, the lag between due time and action, and
 * duplicates (deliveries that acted on an already acted deadline: must be 0).
 */
export async function runDeadlineBenchmark(options: Partial<DeadlineBenchOptions> = {}): Promise<void> {
  const { deadlines: count, spreadMs, leadMs, concurrency, timeoutMs, postgres, workers } = { ...DEFAULTS, ...options };
  const database = await BenchDatabase.create(postgres);
  const config = loadConfig({
    ...process.env,
    ...database.env,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `bench-${randomBytes(6).toString('hex')}`,
    ...(concurrency === undefined ? {} : { DEADLINE_CONCURRENCY: String(concurrency) }),
    RUN_WORKER: workers === undefined ? 'true' : 'false',
  });
  // With spawned workers, the benchmark's own process only schedules (the service's module, whose worker RUN_WORKER=false keeps off).
  const module = workers === undefined ? WorkerModule.forRoot(config) : AppModule.forRoot(config);
  const app = await NestFactory.createApplicationContext(module, { logger: ['error'] });
  const actedOn = new Map<string, number>();
  // When the worker learnt its act committed: the row's settledAt is taken as its transaction starts.
  const committedAt = new Map<string, number>();
  app.get(DeadlineJob).onOutcome((deadlineId, outcome) => {
    if (outcome !== 'fired') return;
    actedOn.set(deadlineId, (actedOn.get(deadlineId) ?? 0) + 1);
    if (!committedAt.has(deadlineId)) committedAt.set(deadlineId, Date.now());
  });
  const spawned: ServiceProcess[] = [];
  try {
    const env = {
      ...database.env,
      QUEUE_PREFIX: config.queuePrefix,
      DEADLINE_CONCURRENCY: String(config.deadlines.concurrency),
      DEADLINE_BATCH: String(config.deadlines.batch),
    };
    for (let i = 0; i < (workers ?? 0); i++) spawned.push(await ServiceProcess.start('worker', env, freePort()));
    await app.get(RedisConnection).ping(5000);
    const dataSource = app.get(DataSource);
    const scheduledAt = Date.now();
    const rows = Array.from({ length: count }, (_, i) =>
      Object.assign(new Deadline(), {
        id: randomUUID(),
        caseId: randomUUID(),
        kind: 'supporterNotAppointed' as const,
        dueAt: new Date(scheduledAt + leadMs + Math.floor((i * spreadMs) / count)),
        event: null,
        status: 'pending' as const,
        createdAt: new Date(scheduledAt),
        settledAt: null,
      }),
    );
    for (let i = 0; i < rows.length; i += 500) await dataSource.getRepository(Deadline).insert(rows.slice(i, i + 500));
    await app.get(DeadlineQueue).schedule(rows);
    const handedOverMs = Date.now() - scheduledAt;

    const lastDue = scheduledAt + leadMs + spreadMs;
    let fired = 0;
    while (fired < count && Date.now() - scheduledAt < timeoutMs) {
      await new Promise((done) => setTimeout(done, 100));
      fired = await dataSource.getRepository(Deadline).countBy({ status: 'fired' });
    }
    const doneAt = Date.now();
    const settled = await dataSource
      .getRepository(Deadline)
      .find({ select: { dueAt: true, settledAt: true }, where: { status: 'fired' } });
    const lags = settled.map((row) => row.settledAt!.getTime() - row.dueAt.getTime());
    const dueAt = new Map<string, number>(rows.map((row) => [row.id, row.dueAt.getTime()]));
    const committedLags = [...committedAt].map(([id, at]) => at - dueAt.get(id)!);
    const lastActed = Math.max(...settled.map((row) => row.settledAt!.getTime()));
    const totalAlerts = await dataSource.getRepository(Alert).count();
    const acting =
      workers === undefined ? [...actedOn.values()].reduce((a, b) => a + b, 0) : await firedDeliveries(spawned);
    const duplicates = acting - fired;

    const who = workers === undefined ? 'the benchmark process as worker' : `${workers} worker process(es)`;
    const when = spreadMs === 0 ? 'all due in the same instant' : `due over ${spreadMs} ms`;
    console.log(
      `deadlines: ${count} reminders ${when}, ${leadMs} ms after scheduling; ${database.label}; ${who}, concurrency ${config.deadlines.concurrency} each, batches of up to ${config.deadlines.batch}`,
    );
    console.log(`  handed to the queue in ${handedOverMs} ms; ${fired} of ${count} acted`);
    if (handedOverMs > leadMs)
      console.log(
        `  NOTE: handing over took longer than the ${leadMs} ms lead: the lag below includes scheduling (a loaded machine)`,
      );
    console.log(
      `  all acted ${((lastActed - scheduledAt) / 1000).toFixed(2)} s after scheduling, ${((lastActed - lastDue) / 1000).toFixed(2)} s after the last fell due`,
    );
    console.log(
      `  lag due → acted   p50 ${percentile(lags, 50)} ms   p99 ${percentile(lags, 99)} ms   max ${Math.max(...lags)} ms`,
    );
    if (committedLags.length > 0) {
      console.log(
        `  lag due → committed p50 ${percentile(committedLags, 50)} ms   p99 ${percentile(committedLags, 99)} ms   max ${Math.max(...committedLags)} ms (as the worker saw its transaction commit)`,
      );
    }
    console.log(`  duplicates ${duplicates} (acting deliveries ${acting}, alerts raised ${totalAlerts})`);
    if (workers !== undefined) console.log(`  ${coresLine(workers)}`);
    if (doneAt - scheduledAt >= timeoutMs) console.log(`  TIMED OUT after ${timeoutMs} ms`);
  } finally {
    await Promise.all(spawned.map((s) => s.stop()));
    await app.close();
    await deleteQueueKeys(config);
    await database.drop();
  }
}

/** Both shapes of load: all at once (the hard case) and spread over a few seconds. */
export async function runDeadlineBenchmarks(options: Partial<DeadlineBenchOptions> = {}): Promise<void> {
  await runDeadlineBenchmark({ ...options, spreadMs: 0 });
  await runDeadlineBenchmark({ ...options, spreadMs: options.spreadMs || DEFAULTS.spreadMs });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runDeadlineBenchmarks({
    deadlines: Number(process.env.BENCH_DEADLINES ?? DEFAULTS.deadlines),
    spreadMs: Number(process.env.BENCH_DEADLINE_SPREAD_MS ?? DEFAULTS.spreadMs),
    concurrency: process.env.BENCH_DEADLINE_CONCURRENCY ? Number(process.env.BENCH_DEADLINE_CONCURRENCY) : undefined,
    postgres: process.argv.includes('--postgres'),
  });
}
