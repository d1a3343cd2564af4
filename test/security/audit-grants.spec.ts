import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { verifyAuditTrail } from '../../src/audit/audit-verification.js';
import { loadConfig } from '../../src/config/app-config.js';
import { standaloneDataSourceOptions } from '../../src/entities.js';
import { grantRuntimeRole } from '../../src/database/runtime-grants.js';
import { registerCase } from '../support/case-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ADMIN_URL = 'postgres://root@127.0.0.1:5432/test';

async function asAdmin(sql: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
}

describe('the application role on PostgreSQL, with INSERT and SELECT only on the audit trail', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const role = `app_${randomBytes(6).toString('hex')}`;
  const url = (user: string) => `postgres://${user}@127.0.0.1:5432/test?options=-c%20search_path%3D${schema}`;
  let t: TestApp;

  beforeAll(async () => {
    await asAdmin([`CREATE SCHEMA ${schema}`, `CREATE ROLE ${role} LOGIN`]);
    // The owner migrates the schema; the service then runs as the application role.
    const owner = new DataSource(standaloneDataSourceOptions(loadConfig({ DATABASE_URL: url('root') }).database));
    await owner.initialize();
    // What compose's one-shot migrate step does: npm run migrate -- --grant-to <role>.
    await grantRuntimeRole(owner, role);
    await owner.destroy();
    t = await startTestApp({ database: 'postgres', env: { DATABASE_URL: url(role) } });
  });
  afterAll(async () => {
    await t?.close();
    await asAdmin([`DROP SCHEMA ${schema} CASCADE`, `DROP ROLE ${role}`]);
  });

  it('runs the routine and writes its trail', async () => {
    const caseId = await registerCase(t);
    await t.http.get(`/cases/${caseId}`).expect(200);
    const trail = await t.as('administrator').get(`/audit?caseId=${caseId}`).expect(200);
    expect(trail.body.total).toBe(2);
  });

  it('cannot change, delete or empty the trail, nor drop its triggers, nor move its head row', async () => {
    const dataSource = t.app.get(DataSource);
    await expect(dataSource.query('UPDATE audit_trail SET status = 200')).rejects.toThrow(/permission denied/);
    await expect(dataSource.query('DELETE FROM audit_trail')).rejects.toThrow(/permission denied/);
    await expect(dataSource.query('TRUNCATE audit_trail')).rejects.toThrow(/permission denied/);
    await expect(dataSource.query('DROP TRIGGER audit_trail_append_only ON audit_trail')).rejects.toThrow(
      /must be owner/,
    );
    await expect(dataSource.query('ALTER TABLE audit_trail DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
    await expect(dataSource.query('UPDATE audit_head SET seq = 0')).rejects.toThrow(/permission denied/);
    expect(await verifyAuditTrail(dataSource, t.config)).toMatchObject({ intact: true });
  });
});
