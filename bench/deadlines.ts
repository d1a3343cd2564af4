import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Alert } from '../src/alerts/alert.entity.js';
import { loadConfig } from '../src/config/app-config.js';
import { Deadline } from '../src/deadlines/deadline.entity.js';
import { DeadlineQueue } from '../src/deadlines/deadline-queue.js';
import { DeadlineWorker } from '../src/deadlines/deadline-worker.js';
import { deleteQueueKeys } from '../src/queue/queue-keys.js';
import { RedisConnection } from '../src/queue/redis-connection.js';
import { WorkerModule } from '../src/worker.module.js';
import { percentile } from './bench-client.js';

export interface DeadlineBenchOptions {
  deadlines: number;
  /** The deadlines fall due evenly over this many ms, starting this long after they are scheduled. */
  spreadMs: number;
  leadMs: number;
  concurrency: number;
  timeoutMs: number;
}

const DEFAULTS: DeadlineBenchOptions = { deadlines: 10_000, spreadMs: 5000, leadMs: 2000, concurrency: 100, timeoutMs: 60_000 };

/**
 * Schedules many reminder deadlines falling due within a few seconds and lets the worker act on
 * them (each: its row marked fired and an alert raised, in one durable transaction), on a SQLite
 * file as in the embedded default. Reports how long until all acted, the lag between due time
 * and action, and duplicates (deliveries that acted on an already acted deadline: must be 0).
 */
export async function runDeadlineBenchmark(options: Partial<DeadlineBenchOptions> = {}): Promise<void> {
  const { deadlines: count, spreadMs, leadMs, concurrency, timeoutMs } = { ...DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'umgangesstod-bench-deadlines-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    QUEUE_PREFIX: `bench-${randomBytes(6).toString('hex')}`,
    DEADLINE_CONCURRENCY: String(concurrency),
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error'] });
  const actedOn = new Map<string, number>();
  app.get(DeadlineWorker).onOutcome((deadlineId, outcome) => {
    if (outcome === 'fired') actedOn.set(deadlineId, (actedOn.get(deadlineId) ?? 0) + 1);
  });
  try {
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
    const settled = await dataSource.getRepository(Deadline).find({ select: { dueAt: true, settledAt: true }, where: { status: 'fired' } });
    const lags = settled.map((row) => row.settledAt!.getTime() - row.dueAt.getTime());
    const lastActed = Math.max(...settled.map((row) => row.settledAt!.getTime()));
    const totalAlerts = await dataSource.getRepository(Alert).count();
    const duplicates = [...actedOn.values()].reduce((sum, n) => sum + (n - 1), 0);

    console.log(`deadlines: ${count} reminders due over ${spreadMs} ms from ${leadMs} ms after scheduling; SQLite WAL synchronous=FULL; worker concurrency ${concurrency}`);
    console.log(`  handed to the queue in ${handedOverMs} ms; ${fired} of ${count} acted`);
    console.log(`  all acted ${((lastActed - scheduledAt) / 1000).toFixed(2)} s after scheduling, ${((lastActed - lastDue) / 1000).toFixed(2)} s after the last fell due (target: within 10 s)`);
    console.log(`  lag due → acted   p50 ${percentile(lags, 50)} ms   p99 ${percentile(lags, 99)} ms   max ${Math.max(...lags)} ms (target p99 < 1000 ms)`);
    console.log(`  duplicates ${duplicates} (acting deliveries ${[...actedOn.values()].reduce((a, b) => a + b, 0)}, alerts raised ${totalAlerts})`);
    if (doneAt - scheduledAt >= timeoutMs) console.log(`  TIMED OUT after ${timeoutMs} ms`);
  } finally {
    await app.close();
    await deleteQueueKeys(config);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runDeadlineBenchmark({
    deadlines: Number(process.env.BENCH_DEADLINES ?? DEFAULTS.deadlines),
    spreadMs: Number(process.env.BENCH_DEADLINE_SPREAD_MS ?? DEFAULTS.spreadMs),
    concurrency: Number(process.env.BENCH_DEADLINE_CONCURRENCY ?? DEFAULTS.concurrency),
  });
}
