import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import pg from 'pg';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { localSigningKey, mintLocalToken, type MintOptions } from '../../src/auth/local-tokens.js';
import type { Role } from '../../src/common/actor.js';
import { Clock } from '../../src/common/clock.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { configureHttpApp } from '../../src/http-app.js';
import { deleteQueueKeys } from '../../src/queue/queue-keys.js';
import { ApiContract } from './api-contract.js';
import { TestClock } from './test-clock.js';

export type TestDatabase = 'sqlite' | 'postgres';
/** Every API suite runs on both databases the service supports. */
export const DATABASES: TestDatabase[] = ['sqlite', 'postgres'];

const POSTGRES_URL = 'postgres://root@127.0.0.1:5432/test';

/** A throw-away database: a fresh SQLite file, or a fresh schema in the machine's PostgreSQL. */
export class ThrowAwayDatabase {
  private constructor(
    readonly env: Record<string, string>,
    private readonly dispose: () => Promise<void>,
  ) {}

  static async create(kind: TestDatabase, dir: string): Promise<ThrowAwayDatabase> {
    if (kind === 'sqlite')
      return new ThrowAwayDatabase({ SQLITE_PATH: join(dir, 'cases.sqlite') }, () => Promise.resolve());
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await ThrowAwayDatabase.admin(`CREATE SCHEMA ${schema}`);
    return new ThrowAwayDatabase({ DATABASE_URL: `${POSTGRES_URL}?options=-c%20search_path%3D${schema}` }, () =>
      ThrowAwayDatabase.admin(`DROP SCHEMA ${schema} CASCADE`),
    );
  }

  private static async admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  drop(): Promise<void> {
    return this.dispose();
  }
}

export interface TestAppOptions {
  database?: TestDatabase;
  /** More environment for loadConfig (e.g. PERIOD_CAP_MONTHS). */
  env?: Record<string, string>;
  /** Receives every log line instead of stdout. */
  logStream?: NodeJS.WritableStream;
}

/** Who a test acts as: the token's subject and, for a supporter, their supporter id. */
export interface TestUser {
  sub?: string;
  supporterId?: string;
}

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
  const contract = new ApiContract(document);
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
 * The real service, as `npm start` builds it, on a throw-away database and a private Redis key
 * prefix; only the clock is the test's. Close it in afterAll.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'umgangesstod-test-'));
  const database = await ThrowAwayDatabase.create(options.database ?? 'sqlite', dir);
  const config: AppConfig = {
    ...loadConfig({
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
      ...database.env,
      ...options.env,
    }),
    ...(options.logStream ? { logStream: options.logStream } : {}),
  };
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true });
  const document = configureHttpApp(app);
  await app.init();
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
    clock,
    config,
    async close() {
      await app.close();
      await deleteQueueKeys(config);
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
