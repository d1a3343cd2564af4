import type { EntityManager } from 'typeorm';
import { PROTECTED_TABLES } from '../database/audit-protection.js';
import type { ChainHead } from './audit-chain.js';
import { AuditEntry } from './audit-entry.entity.js';
import { CHAIN_LOCK_KEY } from './audit.repository.js';

const POSTGRES_TRIGGER_ROWS = `
  SELECT t.tgname AS name, pg_get_triggerdef(t.oid) AS sql, t.tgenabled IN ('O', 'A') AS enabled, quote_ident(n.nspname) AS schema
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.oid = ANY (ARRAY[to_regclass('audit_trail'), to_regclass('audit_head')]) AND NOT t.tgisinternal`;

const POSTGRES_FUNCTION_ROWS = `
  SELECT p.proname AS name, p.prosrc AS body, p.prosecdef AS "securityDefiner"
  FROM pg_proc p WHERE p.pronamespace = (SELECT relnamespace FROM pg_class WHERE oid = to_regclass('audit_trail'))
  AND p.proname = ANY ($1)`;

/** Rights on the protected tables held by anyone but their owner that would let them change or remove rows, or add triggers. */
const POSTGRES_GRANT_ROWS = `
  SELECT c.relname AS "table", CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee,
    a.privilege_type AS privilege
  FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
  WHERE c.oid = ANY (ARRAY[to_regclass('audit_trail'), to_regclass('audit_head')]) AND a.grantee <> c.relowner
  AND (a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER') OR (c.relname = 'audit_head' AND a.privilege_type = 'INSERT'))
  ORDER BY 1, 2, 3`;

const POSTGRES_RULE_ROWS = `
  SELECT r.rulename AS name, c.relname AS "table" FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
  WHERE c.oid = ANY (ARRAY[to_regclass('audit_trail'), to_regclass('audit_head')])`;

export interface TriggerRow {
  name: string;
  sql: string;
  enabled: boolean;
}

/**
 * What guards the audit trail as each database holds it (its triggers; on PostgreSQL also their
 * functions, the grants and rules on the trail and its head row), and the head moves an accepted
 * baseline makes: for `audit:verify` and `audit:accept-baseline`, outside the service's requests.
 */
export class AuditIntegrityRepository {
  /** SQLite's triggers on the trail, as stored (SQLite has no disabled trigger). */
  async sqliteTriggers(manager: EntityManager): Promise<TriggerRow[]> {
    const rows = await manager.query<{ name: string; sql: string }[]>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_trail'`,
    );
    return rows.map((row) => ({ ...row, enabled: true }));
  }

  /** Which of the protected tables PostgreSQL lacks. */
  async missingPostgresTables(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ name: string }[]>(
      'SELECT t AS name FROM unnest($1::text[]) t WHERE to_regclass(t) IS NULL',
      [PROTECTED_TABLES],
    );
    return rows.map(({ name }) => name);
  }

  /** PostgreSQL's triggers on the trail and its head row, their SQL without the schema's name. */
  async postgresTriggers(manager: EntityManager): Promise<TriggerRow[]> {
    const rows = await manager.query<(TriggerRow & { schema: string })[]>(POSTGRES_TRIGGER_ROWS);
    return rows.map(({ schema, ...trigger }) => ({ ...trigger, sql: trigger.sql.split(`${schema}.`).join('') }));
  }

  /** PostgreSQL's functions of these names in the trail's schema. */
  postgresFunctions(
    manager: EntityManager,
    names: string[],
  ): Promise<{ name: string; body: string; securityDefiner: boolean }[]> {
    return manager.query(POSTGRES_FUNCTION_ROWS, [names]);
  }

  /** Rights on the trail and its head row that let anyone but the owner change them. */
  postgresGrants(manager: EntityManager): Promise<{ table: string; grantee: string; privilege: string }[]> {
    return manager.query(POSTGRES_GRANT_ROWS);
  }

  /** Rules that rewrite what is done to the trail or its head row. */
  postgresRules(manager: EntityManager): Promise<{ name: string; table: string }[]> {
    return manager.query(POSTGRES_RULE_ROWS);
  }

  /** The head PostgreSQL's head row holds, if any. */
  async headRow(manager: EntityManager): Promise<ChainHead | undefined> {
    const [row] = await manager.query<ChainHead[]>('SELECT seq, hash FROM audit_head');
    return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
  }

  /** The trail's last entry, the chain held for the transaction on PostgreSQL (appends wait). */
  async lastEntryUnderLock(manager: EntityManager): Promise<ChainHead | undefined> {
    if (manager.connection.options.type === 'postgres')
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const [last] = await manager.query<ChainHead[]>('SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1');
    return last ? { seq: Number(last.seq), hash: last.hash } : undefined;
  }

  /** Moves PostgreSQL's head row back to an accepted baseline (its guard lets the owner do so for this transaction). */
  async lowerHeadRow(manager: EntityManager, baseline: ChainHead): Promise<void> {
    await manager.query(`SELECT set_config('audit.accepted_baseline', $1, true)`, [String(baseline.seq)]);
    await manager.query('UPDATE audit_head SET seq = $1, hash = $2', [baseline.seq, baseline.hash]);
  }

  async append(manager: EntityManager, rows: Partial<AuditEntry>[]): Promise<void> {
    await manager.insert(AuditEntry, rows);
  }
}
