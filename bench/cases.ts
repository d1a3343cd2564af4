import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import Database from 'better-sqlite3';
import pg from 'pg';
import { localSigningKey, mintLocalToken } from '../src/auth/local-tokens.js';
import { loadConfig } from '../src/config/app-config.js';
import { deleteQueueKeys } from '../src/queue/queue-keys.js';
import { BenchClient, percentile } from './bench-client.js';
import { BenchDatabase, freePort, ServiceProcess } from './bench-setup.js';
import { judgment } from './lifecycle.js';

const SAMPLES = 200;
/** Registrations over HTTP timed on the empty database and again on the seeded one. */
const REGISTRATIONS = 1000;
const REGISTERING_CLIENTS = 16;

/**
 * Registers `count` judgments, each its own court case (numbered within `year`), from several
 * clients at once: the rate per second. On connections of their own, closed afterwards, so none
 * sits idle through the seeding for the service to close under the next request.
 */
async function registrations(url: string, authorization: string, count: number, year: string): Promise<number> {
  const client = new BenchClient(url, { authorization });
  let next = 0;
  const start = performance.now();
  try {
    await Promise.all(
      Array.from({ length: REGISTERING_CLIENTS }, async () => {
        while (next < count) {
          const n = next++;
          const res = await client.request('POST', '/cases', { ...judgment, courtCaseNumber: `T ${n + 1}-${year}` });
          if (res.status !== 201) throw new Error(`POST /cases answered ${res.status}`);
        }
      }),
    );
    return count / ((performance.now() - start) / 1000);
  } finally {
    await client.close();
  }
}

/** Copies the template case `count` times straight into the database, ids, court case numbers and creation times apart. */
export async function seed(database: BenchDatabase, templateId: string, count: number): Promise<void> {
  if (database.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    try {
      const columns = (
        await client.query(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' AND table_schema = current_schema()`,
        )
      ).rows.map((r: { column_name: string }) => r.column_name);
      const value = (c: string) =>
        c === 'id'
          ? `md5(c.id || g)::uuid::varchar`
          : c === 'createdAt'
            ? `c."createdAt" + g * interval '1 millisecond'`
            : c === 'courtCaseNumber'
              ? `'T ' || g || '-25'`
              : `c."${c}"`;
      await client.query(
        `INSERT INTO cases (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${columns.map(value).join(', ')} FROM cases c CROSS JOIN generate_series(1, $2) g WHERE c.id = $1`,
        [templateId, count],
      );
      // What autovacuum does soon after a bulk insert: the visibility map it sets lets an offset be walked in the index alone.
      await client.query('VACUUM ANALYZE cases');
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(database.env.SQLITE_PATH);
  try {
    db.pragma('busy_timeout = 10000');
    const columns = (db.prepare(`PRAGMA table_info(cases)`).all() as { name: string }[]).map((c) => c.name);
    const value = (c: string) =>
      c === 'id'
        ? `printf('%08x-0000-4000-8000-%012x', g, g)`
        : c === 'createdAt'
          ? `strftime('%Y-%m-%d %H:%M:%f', c."createdAt", '+' || (g / 1000.0) || ' seconds')`
          : c === 'courtCaseNumber'
            ? `'T ' || g || '-25'`
            : `c."${c}"`;
    db.prepare(
      `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ?) INSERT INTO cases (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${columns.map(value).join(', ')} FROM cases c CROSS JOIN s WHERE c.id = ?`,
    ).run(count, templateId);
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
}

async function timed(client: BenchClient, path: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    const res = await client.request('GET', path);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

function line(label: string, latencies: number[]): string {
  return `  ${label.padEnd(34)} p50 ${percentile(latencies, 50).toFixed(1)} ms   p97.5 ${percentile(latencies, 97.5).toFixed(1)} ms`;
}

/**
 * `--cases N`: 1,000 registrations over HTTP on the empty database, the rest of N cases seeded
 * straight into the database, then the list by state (first page,
 * last page by offset and by cursor), one case, 1,000 registrations over HTTP again (the rate beside
 * the empty database's), the API process's memory, and a restart to ready.
 */
export async function runCasesBenchmark({ cases, postgres }: { cases: number; postgres: boolean }): Promise<void> {
  const database = await BenchDatabase.create(postgres);
  const secret = randomBytes(32).toString('base64url');
  const env = {
    ...database.env,
    JWT_SECRET: secret,
    RUN_WORKER: 'false',
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
  };
  const port = freePort();
  let service = await ServiceProcess.start('main', env, port);
  const authorization = `Bearer ${mintLocalToken(localSigningKey(loadConfig({ JWT_SECRET: secret })), { sub: 'bench-secretary', roles: ['secretary'] })}`;
  const client = new BenchClient(service.url!, { authorization });
  try {
    const template = (await client.request('POST', '/cases', judgment)).body as { id: string };
    const onEmpty = await registrations(service.url!, authorization, REGISTRATIONS, '24');
    const seeding = performance.now();
    await seed(database, template.id, Math.max(0, cases - 1 - REGISTRATIONS));
    console.log(
      `cases: ${cases} in state received on ${database.label}, seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    console.log(
      `  load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: latencies grow with other work on the machine`,
    );
    const first = await timed(client, '/cases?state=received&limit=50');
    const { total } = (await client.request('GET', '/cases?state=received&limit=1')).body as { total: number };
    const lastByOffset = await timed(client, `/cases?state=received&limit=50&offset=${total - 50}`);
    const { next } = (await client.request('GET', `/cases?state=received&limit=50&offset=${total - 100}`)).body as {
      next: string;
    };
    const lastByCursor = await timed(client, `/cases?state=received&limit=50&after=${next}`);
    const one = await timed(client, `/cases/${template.id}`);
    const onSeeded = await registrations(service.url!, authorization, REGISTRATIONS, '23');
    console.log(line('list by state, first page', first));
    console.log(line('list by state, last page (offset)', lastByOffset));
    console.log(line('list by state, last page (cursor)', lastByCursor));
    console.log(line('one case', one));
    console.log(
      `  registrations over HTTP (${REGISTRATIONS}, ${REGISTERING_CLIENTS} clients) ${onSeeded.toFixed(0)}/s at ${cases} cases, ${onEmpty.toFixed(0)}/s on the empty database`,
    );
    console.log(
      `  API process RSS ${service.rssMb()?.toFixed(0) ?? '?'} MB (target ≤ 300 MB) after ${2 * REGISTRATIONS + 1} registered over HTTP; total ${total + REGISTRATIONS}`,
    );
    await service.stop();
    const restarting = performance.now();
    service = await ServiceProcess.start('main', env, port);
    console.log(
      `  restart to ready (built, node dist/src/main.js) ${((performance.now() - restarting) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.close();
    await service.stop();
    await deleteQueueKeys({ redis: loadConfig({}).redis, queuePrefix: env.QUEUE_PREFIX });
    await database.drop();
  }
}
