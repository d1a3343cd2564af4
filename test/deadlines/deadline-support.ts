import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { periodBounds } from '../../machines/period.js';
import { AppModule } from '../../src/app.module.js';
import { localSigningKey, mintLocalToken } from '../../src/auth/local-tokens.js';
import type { Role } from '../../src/common/actor.js';
import { Clock } from '../../src/common/clock.js';
import { DeadlineQueue } from '../../src/deadlines/deadline.queue.js';
import { DeadlineReconciler } from '../../src/deadlines/deadline-reconciler.service.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { configureHttpApp } from '../../src/http-app.js';
import { WorkerModule } from '../../src/worker.module.js';
import { deleteQueueKeys } from '../../src/queue/queue-keys.js';
import {
  contractCheckedClients,
  ThrowAwayDatabase,
  type TestApp,
  type TestDatabase,
  type TestUser,
} from '../support/test-app.js';
import { TestClock } from '../support/test-clock.js';

/** Retries `check` (which throws while not yet true) until it passes or `timeoutMs` is over. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

/**
 * One database, one Redis key prefix and one clock, shared by any number of service and
 * worker-only processes started and stopped during a test (as in production, where they share
 * PostgreSQL and Redis). `dispose()` closes them all, deletes the prefix's keys and the database.
 */
export class DeadlineRig {
  readonly clock = new TestClock();
  private readonly running = new Set<INestApplicationContext>();

  private constructor(
    readonly config: AppConfig,
    private readonly database: ThrowAwayDatabase,
    private readonly dir: string,
  ) {}

  static async create(kind: TestDatabase, env: Record<string, string> = {}): Promise<DeadlineRig> {
    const dir = mkdtempSync(join(tmpdir(), 'deadlines-'));
    const database = await ThrowAwayDatabase.create(kind, dir);
    const config = loadConfig({
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
      RECONCILE_EVERY_SECONDS: '1',
      DEADLINE_BACKOFF_MS: '100',
      ...database.env,
      ...env,
    });
    return new DeadlineRig(config, database, dir);
  }

  /** The service as `npm start` runs it (API and worker), with the rig's clock. */
  async startService(env: Partial<AppConfig> = {}): Promise<TestApp> {
    const config = { ...this.config, ...env };
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(this.clock)
      .compile();
    const app = moduleRef.createNestApplication({ bufferLogs: true });
    const document = configureHttpApp(app);
    await app.init();
    this.running.add(app);
    const key = localSigningKey(config);
    const token = (role: Role, user: TestUser = {}) =>
      mintLocalToken(key, { sub: user.sub ?? `test-${role}`, roles: [role], supporterId: user.supporterId });
    return {
      app,
      ...contractCheckedClients(app, document, token),
      token,
      clock: this.clock,
      config,
      close: () => this.stop(app),
    };
  }

  /** A worker-only process, as `npm run worker` runs it. */
  async startWorker(env: Partial<AppConfig> = {}): Promise<INestApplicationContext> {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot({ ...this.config, ...env })] })
      .overrideProvider(Clock)
      .useValue(this.clock)
      .compile();
    const context = await moduleRef.init();
    this.running.add(context);
    return context;
  }

  async stop(context: INestApplicationContext): Promise<void> {
    this.running.delete(context);
    await context.close();
  }

  /**
   * Resolves once nothing is left to happen to these deadlines (each due or settled): the running
   * processes have completed two more reconciliations between them, the second one reading the rows
   * after this call and so re-queueing any still pending, and Redis holds no job for any of them, so
   * every delivery has run. A test checks that something happened once only after this.
   */
  async settled(deadlineIds: string[]): Promise<void> {
    let reconciled = 0;
    const stopListening = [...this.running].map((context) =>
      context.get(DeadlineReconciler).onReconciled(() => reconciled++),
    );
    try {
      await eventually(() => {
        if (reconciled < 2) throw new Error(`${reconciled} of 2 reconciliations completed`);
      });
    } finally {
      stopListening.forEach((stop) => stop());
    }
    const queue = [...this.running][0].get(DeadlineQueue);
    await eventually(async () => {
      const queued = await queue.withJobs(deadlineIds);
      if (queued.size > 0) throw new Error(`Redis still holds the jobs of deadlines ${[...queued].join(', ')}`);
    });
  }

  /** The rig's database as a running process reaches it (for the test's own checks and sabotage). */
  dataSource(context: INestApplicationContext): DataSource {
    return context.get(DataSource);
  }

  async dispose(): Promise<void> {
    for (const context of [...this.running]) await this.stop(context);
    await deleteQueueKeys(this.config);
    await this.database.drop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The default judgment's period (aJudgment): 2026-11-16 to 2027-11-15. */
export const PERIOD = periodBounds('2026-11-16', '2027-11-15');

/** `ms` after an ISO instant. */
export function after(instant: string, ms: number): Date {
  return new Date(Date.parse(instant) + ms);
}

/** An alert as `GET /alerts` lists it. */
export interface AlertBody {
  id: string;
  caseId: string;
  kind: string;
  status: string;
  message: string;
  detail: string | null;
  acknowledgedBy: string | null;
}

export interface HistoryEntry {
  type: string;
  fromState: string | null;
  toState: string;
  by: { id: string; role: string };
}

export async function historyOf(t: TestApp, caseId: string): Promise<HistoryEntry[]> {
  const res = await t.http.get(`/cases/${caseId}/history?limit=200`).expect(200);
  return res.body.items as HistoryEntry[];
}

export function entriesOf(history: HistoryEntry[], type: string): HistoryEntry[] {
  return history.filter((entry) => entry.type === type);
}

export interface DeadlineView {
  id: string;
  kind: string;
  dueAt: string;
  status: string;
}

export async function caseOf(t: TestApp, caseId: string): Promise<{ state: string; deadlines: DeadlineView[] }> {
  const res = await t.http.get(`/cases/${caseId}`).expect(200);
  return res.body;
}
