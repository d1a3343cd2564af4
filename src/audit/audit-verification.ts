import type { DataSource } from 'typeorm';
import {
  POSTGRES_FUNCTIONS,
  POSTGRES_TRIGGERS,
  PROTECTED_TABLES,
  SQLITE_TRAIL_TRIGGERS,
} from '../database/audit-protection.js';
import type { AppConfig } from '../config/app-config.js';
import { verifyChain, type NamedHead } from './audit-chain.js';
import { auditChainKey, readHead } from './chain-anchor.js';
import { readTrail } from './audit.repository.js';

export type AuditVerdict = { intact: true; entries: number } | { intact: false; problem: string };

/** Triggers that differ from `expected` (missing, changed, disabled) and any other trigger on the tables. */
function triggerProblems(expected: Record<string, string>, found: { name: string; sql: string; enabled: boolean }[]) {
  const problems = Object.keys(expected)
    .filter((name) => !found.some((trigger) => trigger.name === name))
    .map((name) => `the trigger ${name} is missing`);
  for (const trigger of found) {
    if (!(trigger.name in expected)) problems.push(`the trigger ${trigger.name} is not one the service created`);
    else if (trigger.sql !== expected[trigger.name])
      problems.push(`the trigger ${trigger.name} is not the one the service created: it reads "${trigger.sql}"`);
    else if (!trigger.enabled) problems.push(`the trigger ${trigger.name} is disabled`);
  }
  return problems;
}

async function sqliteProblems(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string; sql: string }[] = await dataSource.query(
    `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_trail'`,
  );
  return triggerProblems(
    SQLITE_TRAIL_TRIGGERS,
    rows.map((row) => ({ ...row, enabled: true })),
  );
}

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

async function postgresProblems(dataSource: DataSource): Promise<string[]> {
  const missing = await dataSource.query<{ name: string }[]>(
    'SELECT t AS name FROM unnest($1::text[]) t WHERE to_regclass(t) IS NULL',
    [PROTECTED_TABLES],
  );
  if (missing.length > 0) return missing.map(({ name }) => `the table ${name} is missing`);
  const triggers = await dataSource.query<
    {
      name: string;
      sql: string;
      enabled: boolean;
      schema: string;
    }[]
  >(POSTGRES_TRIGGER_ROWS);
  const problems = triggerProblems(
    POSTGRES_TRIGGERS,
    triggers.map((trigger) => ({ ...trigger, sql: trigger.sql.split(`${trigger.schema}.`).join('') })),
  );
  const functions = await dataSource.query<
    {
      name: string;
      body: string;
      securityDefiner: boolean;
    }[]
  >(POSTGRES_FUNCTION_ROWS, [Object.keys(POSTGRES_FUNCTIONS)]);
  for (const [name, expected] of Object.entries(POSTGRES_FUNCTIONS)) {
    const found = functions.filter((f) => f.name === name);
    if (found.length === 0) problems.push(`the function ${name}() is missing`);
    for (const f of found) {
      if (f.body !== expected.body)
        problems.push(`the function ${name}() is not the one the service created: its body reads "${f.body.trim()}"`);
      else if (f.securityDefiner !== expected.securityDefiner)
        problems.push(
          `the function ${name}() ${expected.securityDefiner ? 'no longer' : 'now'} runs with its owner's rights`,
        );
    }
  }
  for (const grant of await dataSource.query<Record<string, string>[]>(POSTGRES_GRANT_ROWS))
    problems.push(`${grant.grantee} may ${grant.privilege} on ${grant.table}: only its owner may`);
  for (const rule of await dataSource.query<Record<string, string>[]>(POSTGRES_RULE_ROWS))
    problems.push(`the rule ${rule.name} on ${rule.table} rewrites what is done to it`);
  return problems;
}

/** The head PostgreSQL's head row holds; none on SQLite. */
async function headRow(dataSource: DataSource): Promise<NamedHead[]> {
  if (dataSource.options.type !== 'postgres') return [];
  const rows = await dataSource.query<{ seq: number; hash: string }[]>('SELECT seq, hash FROM audit_head');
  return rows.map((row) => ({ where: "PostgreSQL's audit_head row", head: { seq: Number(row.seq), hash: row.hash } }));
}

/**
 * The whole check `npm run audit:verify` makes: what protects the trail is what the service
 * created (each trigger's full SQL; on PostgreSQL also the functions they call, the head row's
 * guard and who may change the tables), every entry fits the keyed chain, and the trail reaches
 * each head exported outside it (the head file; on PostgreSQL also the head row). So a cut tail,
 * a rewritten entry and a dropped or emptied trigger are all found.
 */
export async function verifyAuditTrail(dataSource: DataSource, config: AppConfig): Promise<AuditVerdict> {
  const problems =
    dataSource.options.type === 'postgres' ? await postgresProblems(dataSource) : await sqliteProblems(dataSource);
  if (problems.length > 0) return { intact: false, problem: `is unprotected: ${problems.join('; ')}` };
  const fromFile = await readHead(config.audit.headPath);
  const heads = [
    ...(fromFile ? [{ where: config.audit.headPath, head: fromFile }] : []),
    ...(await headRow(dataSource)),
  ];
  const verdict = await verifyChain(readTrail(dataSource.manager), auditChainKey(config), heads);
  if (!verdict.intact) {
    return {
      intact: false,
      problem: `BROKEN at entry ${verdict.brokenAt}: ${verdict.reason} (${verdict.entries} entries before it are intact)`,
    };
  }
  if (!fromFile && verdict.entries > 0)
    return {
      intact: false,
      problem: `no exported head at ${config.audit.headPath}: the end of the trail cannot be checked`,
    };
  return verdict;
}

/**
 * The verdict as the administrator's page says it, in Swedish, after the kinds of problem
 * `verifyAuditTrail` names above; the details stay in `npm run audit:verify`'s English.
 */
export function verdictInSwedish(verdict: AuditVerdict): string {
  if (verdict.intact)
    return verdict.entries === 0
      ? 'Granskningsloggen är tom: det finns inget att kontrollera ännu.'
      : `Kedjan är obruten: alla ${verdict.entries} poster stämmer med sina kontrollsummor och når den exporterade kedjeänden.`;
  const cut = /^BROKEN at entry (\d+)/.exec(verdict.problem);
  const found = cut
    ? `Kedjan är bruten vid post ${cut[1]}: en post har ändrats, tagits bort eller lagts till utanför tjänsten.`
    : verdict.problem.startsWith('is unprotected')
      ? 'Granskningsloggens skydd är inte det som tjänsten skapade: en trigger, funktion eller behörighet är ändrad.'
      : 'Kedjans slut kan inte kontrolleras: den exporterade kedjeänden saknas.';
  return `${found} Driften behöver köra npm run audit:verify för detaljerna.`;
}
