import type { DataSource } from 'typeorm';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * What the service's runtime role may do in the schema the owner migrated: read and write the
 * case tables, but only read and append to the audit trail and never touch its head row (only
 * the owner may lower it, through an accepted baseline). Given again after every migration, so a
 * new table is covered and the audit tables' limits are never widened by a blanket grant.
 */
export async function grantRuntimeRole(dataSource: DataSource, role: string): Promise<void> {
  if (dataSource.options.type !== 'postgres') throw new Error('--grant-to is for PostgreSQL: SQLite has no roles');
  if (!ROLE_NAME.test(role)) throw new Error(`--grant-to must name a PostgreSQL role (lower-case letters, digits, _)`);
  const [{ schema }] = await dataSource.query<{ schema: string }[]>('SELECT current_schema() AS schema');
  await dataSource.transaction(async (manager) => {
    for (const statement of [
      `GRANT USAGE ON SCHEMA "${schema}" TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${schema}" TO ${role}`,
      `GRANT USAGE ON ALL SEQUENCES IN SCHEMA "${schema}" TO ${role}`,
      `REVOKE UPDATE, DELETE, TRUNCATE ON "${schema}".audit_trail FROM ${role}`,
      `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "${schema}".audit_head FROM ${role}`,
    ])
      await manager.query(statement);
  });
}
