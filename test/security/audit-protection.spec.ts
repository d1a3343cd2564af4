import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { verifyAuditTrail } from '../../src/audit/audit-verification.js';
import { registerCase } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DATABASES)('audit:verify looks at what protects the trail, not at its names (%s)', (database) => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeEach(async () => {
    t = await startTestApp({ database });
    dataSource = t.app.get(DataSource);
    await registerCase(t);
    expect(await verifyAuditTrail(dataSource, t.config)).toMatchObject({ intact: true });
  });
  afterEach(() => t.close());

  it('fails on triggers of the same names that do nothing, naming them', async () => {
    if (database === 'postgres') {
      await dataSource.query('DROP TRIGGER audit_trail_append_only ON audit_trail');
      await dataSource.query('DROP TRIGGER audit_trail_no_truncate ON audit_trail');
      await dataSource.query(
        'CREATE TRIGGER audit_trail_append_only AFTER DELETE OR UPDATE ON audit_trail FOR EACH ROW EXECUTE FUNCTION audit_head_advance()',
      );
      await dataSource.query(
        'CREATE TRIGGER audit_trail_no_truncate AFTER TRUNCATE ON audit_trail FOR EACH STATEMENT EXECUTE FUNCTION audit_head_advance()',
      );
    } else {
      for (const operation of ['delete', 'update']) {
        await dataSource.query(`DROP TRIGGER audit_trail_no_${operation}`);
        await dataSource.query(
          `CREATE TRIGGER audit_trail_no_${operation} BEFORE ${operation.toUpperCase()} ON audit_trail BEGIN SELECT 1; END`,
        );
      }
    }
    const verdict = await verifyAuditTrail(dataSource, t.config);
    const names =
      database === 'postgres'
        ? ['audit_trail_append_only', 'audit_trail_no_truncate']
        : ['audit_trail_no_delete', 'audit_trail_no_update'];
    for (const name of names)
      expect(verdict).toMatchObject({
        intact: false,
        problem: expect.stringContaining(`the trigger ${name} is not the one the service created`),
      });
  });

  it('fails on a trigger added to the trail', async () => {
    await dataSource.query(
      database === 'postgres'
        ? 'CREATE TRIGGER audit_trail_extra BEFORE INSERT ON audit_trail FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only()'
        : 'CREATE TRIGGER audit_trail_extra AFTER INSERT ON audit_trail BEGIN DELETE FROM case_records; END',
    );
    expect(await verifyAuditTrail(dataSource, t.config)).toMatchObject({
      intact: false,
      problem: expect.stringContaining('the trigger audit_trail_extra is not one the service created'),
    });
  });

  if (database === 'postgres') {
    it('fails on a trigger function emptied, a trigger disabled, a right granted and a rule added', async () => {
      await dataSource.query(
        'CREATE OR REPLACE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$',
      );
      await dataSource.query('ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward_only');
      await dataSource.query('GRANT UPDATE ON audit_head TO PUBLIC');
      await dataSource.query('CREATE RULE audit_trail_keep AS ON INSERT TO audit_trail DO INSTEAD NOTHING');
      const verdict = await verifyAuditTrail(dataSource, t.config);
      expect(verdict).toMatchObject({ intact: false });
      const { problem } = verdict as { problem: string };
      expect(problem).toContain('the function audit_trail_append_only() is not the one the service created');
      expect(problem).toContain('the trigger audit_head_forward_only is disabled');
      expect(problem).toContain('PUBLIC may UPDATE on audit_head: only its owner may');
      expect(problem).toContain('the rule audit_trail_keep on audit_trail rewrites what is done to it');
    });

    it('fails on a head row moved back', async () => {
      await t.http.get('/cases').expect(200);
      await t.http.get('/cases').expect(200);
      await dataSource.query('ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward_only');
      await dataSource.query('UPDATE audit_head SET seq = seq - 1');
      await dataSource.query('ALTER TABLE audit_head ENABLE TRIGGER audit_head_forward_only');
      await expect(dataSource.query('UPDATE audit_head SET seq = seq - 1')).rejects.toThrow(/only moves forward/);
      expect(await verifyAuditTrail(dataSource, t.config)).toMatchObject({
        intact: false,
        problem: expect.stringContaining("it differs from the head exported to PostgreSQL's audit_head row"),
      });
    });
  }
});
