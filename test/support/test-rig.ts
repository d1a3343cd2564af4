import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { localSigningKey, mintLocalToken, type MintOptions } from '../../src/auth/local-tokens.js';
import type { Role } from '../../src/common/actor.js';
import { Clock } from '../../src/common/clock.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { deadlineJobId } from '../../src/deadlines/deadline-jobs.js';
import { DeadlineQueue } from '../../src/deadlines/deadline.queue.js';
import { configureHttpApp } from '../../src/http-app.js';
import { deleteQueueKeys } from '../../src/queue/queue-keys.js';
import { RedisConnection } from '../../src/queue/redis-connection.js';
import { WorkerHost } from '../../src/queue/worker-host.service.js';
import { WorkerModule } from '../../src/worker.module.js';
import { ApiContract } from './api-contract.js';
import { eventually } from './eventually.js';
import { ThrowAwayDatabase, type TestDatabase } from './test-database.js';
import { TestClock } from './test-clock.js';

export interface TestRigOptions {
  /** SQLite unless said otherwise; which suites run on both is decided in test/support/README.md. */
  database?: TestDatabase;
  /** More environment for loadConfig (e.g. PERIOD_CAP_MONTHS). */
  env?: Record<string, string>;
  /** Receives every log line instead of stdout. */
  logStream?: NodeJS.WritableStream;
  /** Commits wait for the disk as in production: for the tests that are about durability. */
  durable?: boolean;
}

/** Who a test acts as: the token's subject and, for a supporter, their supporter id. */
export interface TestUser {
  sub?: string;
  supporterId?: string;
}

/** One running service process, and the requests a test makes to it. */
export interface TestApp {
  app: INestApplication;
  /**
   * Requests as a secretary (a valid secretary token is sent unless the test sets another). Every
   * answer to these requests (and to `as` and `anonymous`) is also checked against the OpenAPI
   * document the app serves: a body or status the document does not describe fails the test.
   */
  http: ReturnType<typeof request>;
  /** Requests as a user with `role`. */
  as(role: Role, user?: TestUser): ReturnType<typeof request>;
  /** Requests without a token. */
  anonymous: ReturnType<typeof request>;
  /** A token the app accepts, for tests that set the header themselves. */
  token(role: Role, user?: TestUser, options?: MintOptions): string;
  clock: TestClock;
  config: AppConfig;
  /** The served OpenAPI document, for checking answers that do not come through supertest. */
  contract: ApiContract;
  /** Runs the periodic reconciliation (deadlines and mail) now, instead of waiting for its timer. */
  reconcileNow(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The requests a test makes to `app`, as a secretary (`http`), as any role (`as`) or without a
 * token (`anonymous`); each answer is also checked against the OpenAPI document the app serves.
 */
export function contractCheckedClients(
  app: INestApplication,
  document: OpenAPIObject,
  token: ((role: Role, user?: TestUser) => string) | undefined,
): Pick<TestApp, 'http' | 'as' | 'anonymous' | 'contract'> {
  const contract = ApiContract.of(document);
  const agent = () => request.agent(app.getHttpServer()).use(contract.check);
  // No cookie jar without a token: a cookie one answer sets (the dashboard's sign-in) must not ride along on the next call.
  const cookieless = new Proxy(request(app.getHttpServer()), {
    get(target, name) {
      const value: unknown = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const test = (value as (...a: unknown[]) => Parameters<ApiContract['check']>[0]).apply(target, args);
        contract.check(test);
        return test;
      };
    },
  });
  const as = (role: Role, user?: TestUser) => {
    if (!token) throw new Error('this test app verifies OpenID Connect tokens: mint them with the test provider key');
    return agent().set('Authorization', `Bearer ${token(role, user)}`);
  };
  return { http: token ? as('secretary') : cookieless, as, anonymous: cookieless, contract };
}

/**
 * Runs the periodic reconciliation of deadlines and of mail in `context`, now, once its Redis
 * client is connected: the service starts without waiting for Redis, and its client fails a
 * command at once rather than queue it while connecting.
 */
async function reconcile(context: INestApplicationContext): Promise<void> {
  const redis = context.get(RedisConnection);
  await eventually(() => {
    if (!redis.ready) throw new Error(`the process's Redis client is not connected yet (${redis.client.status})`);
  });
  await context.get(WorkerHost).reconcileNow();
}

/**
 * The test rig: one throw-away database, one Redis key prefix and one clock, shared by any number
 * of service and worker-only processes started and stopped during a test (as in production, where
 * they share PostgreSQL and Redis). Each process is the real service as `npm start` (or `npm run
 * worker`) builds it; only the clock is the test's. `dispose()` closes them all and deletes the
 * prefix's keys, the database and the data directory.
 */
export class TestRig {
  readonly clock = new TestClock();
  private readonly running = new Set<INestApplicationContext>();

  private constructor(
    readonly config: AppConfig,
    private readonly database: ThrowAwayDatabase,
    private readonly dir: string,
  ) {}

  static async create(options: TestRigOptions = {}): Promise<TestRig> {
    const dir = mkdtempSync(join(tmpdir(), 'umgangesstod-test-'));
    const database = await ThrowAwayDatabase.create(options.database ?? 'sqlite', dir, { durable: options.durable });
    const config = loadConfig({
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
      ...database.env,
      ...options.env,
    });
    if (config.database.type === 'sqlite' && !database.durable) config.database.syncEachCommit = false;
    return new TestRig({ ...config, ...(options.logStream ? { logStream: options.logStream } : {}) }, database, dir);
  }

  /** The service as `npm start` runs it (API and, unless `runWorker: false`, worker), with the rig's clock. */
  async startService(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
    const config = { ...this.config, ...overrides };
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(this.clock)
      .compile();
    const app = moduleRef.createNestApplication({ bufferLogs: true });
    const document = configureHttpApp(app);
    await app.init();
    this.running.add(app);
    // With an OpenID Connect provider configured, tokens come from the test's own provider.
    const signingKey = config.auth.mode === 'local' ? localSigningKey(config) : undefined;
    const token = (role: Role, user: TestUser = {}, mint: MintOptions = {}) => {
      if (!signingKey)
        throw new Error('this test app verifies OpenID Connect tokens: mint them with the test provider key');
      return mintLocalToken(
        signingKey,
        { sub: user.sub ?? `test-${role}`, roles: [role], supporterId: user.supporterId },
        mint,
      );
    };
    return {
      app,
      ...contractCheckedClients(app, document, signingKey ? token : undefined),
      token,
      clock: this.clock,
      config,
      reconcileNow: () => reconcile(app),
      close: () => this.stop(app),
    };
  }

  /** A worker-only process, as `npm run worker` runs it. */
  async startWorker(overrides: Partial<AppConfig> = {}): Promise<INestApplicationContext> {
    const moduleRef = await Test.createTestingModule({
      imports: [WorkerModule.forRoot({ ...this.config, ...overrides })],
    })
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

  /** Runs the periodic reconciliation now in one running process (any of them would do). */
  async reconcileNow(): Promise<void> {
    await reconcile(this.anyProcess());
  }

  /**
   * Resolves once nothing is left to happen to these deadlines (each due or settled): a
   * reconciliation started now has re-queued any still pending without a job, and Redis holds no
   * job for any of them, so every delivery has run. A test checks that something happened once
   * only after this.
   *
   * A deadline acted on alongside another, in one transaction, keeps its own job, which finds it
   * settled when it runs. After the test's clock has jumped ahead, that job may still wait in Redis
   * for the real time it was delayed to: it is run now, so that its delivery is part of what the
   * test checks rather than left for later.
   */
  async settled(deadlineIds: string[]): Promise<void> {
    const process = this.anyProcess();
    await reconcile(process);
    const queue = process.get(DeadlineQueue);
    await eventually(async () => {
      const queued = await queue.withJobs(deadlineIds);
      if (queued.size === 0) return;
      const states = await Promise.all(
        [...queued].map(async (id) => {
          const state = await queue.queue.getJobState(deadlineJobId(id));
          if (state === 'delayed') await queue.promote(id);
          return `${id} (${state})`;
        }),
      );
      throw new Error(`Redis still holds the jobs of deadlines ${states.join(', ')}`);
    }, 20_000);
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

  private anyProcess(): INestApplicationContext {
    const [first] = this.running;
    if (!first) throw new Error('no process of the rig is running');
    return first;
  }
}
