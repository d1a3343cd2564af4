import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LogCapture } from '../support/log-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ADMIN_URL = 'postgres://root@127.0.0.1:5432/test';

async function admin<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('processes starting together on an empty PostgreSQL database', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = `${ADMIN_URL}?options=-c%20search_path%3D${schema}`;
  let apps: TestApp[] = [];
  const logs = new LogCapture();

  beforeAll(async () => {
    await admin(`CREATE SCHEMA ${schema}`);
    apps = await Promise.all(
      [1, 2].map(() =>
        startTestApp({ database: 'postgres', env: { DATABASE_URL: url, LOG_LEVEL: 'info' }, logStream: logs }),
      ),
    );
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('migrate the schema once and both serve', async () => {
    const runs = await admin<{ name: string; times: string }>(
      `SELECT name, count(*) AS times FROM ${schema}.migrations GROUP BY name`,
    );
    expect(runs.length).toBeGreaterThan(10);
    expect(runs.filter((run) => Number(run.times) !== 1)).toEqual([]);
    // Neither failed half-way and got through on a retry: no process met the other's tables. The
    // capture is live: each process's start is in it.
    expect(logs.lines.filter((line) => line.includes('Mapped {/cases, POST} route'))).toHaveLength(apps.length);
    expect(logs.lines.filter((line) => /duplicate key|already exists|Retrying/i.test(line))).toEqual([]);
    for (const app of apps) await app.http.get('/cases').expect(200);
  });

  it("run the service's statements with the configured timeouts", async () => {
    const dataSource = apps[0].app.get(DataSource);
    const [statement] = await dataSource.query<{ statement_timeout: string }[]>('SHOW statement_timeout');
    const [idle] = await dataSource.query<
      {
        idle_in_transaction_session_timeout: string;
      }[]
    >('SHOW idle_in_transaction_session_timeout');
    expect(statement.statement_timeout).toBe('30s');
    expect(idle.idle_in_transaction_session_timeout).toBe('1min');
  });
});
