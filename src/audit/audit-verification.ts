import type { DataSource } from 'typeorm';
import { POSTGRES_FUNCTIONS, POSTGRES_TRIGGERS, SQLITE_TRAIL_TRIGGERS } from '../database/audit-protection.js';
import type { AppConfig } from '../config/app-config.js';
import { verifyChain, type NamedHead } from './audit-chain.js';
import { auditChainKey, readHead } from './chain-anchor.js';
import { AuditIntegrityRepository } from './audit-integrity.repository.js';
import { readTrail } from './audit.repository.js';

const integrity = new AuditIntegrityRepository();

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
  return triggerProblems(SQLITE_TRAIL_TRIGGERS, await integrity.sqliteTriggers(dataSource.manager));
}

async function postgresProblems(dataSource: DataSource): Promise<string[]> {
  const { manager } = dataSource;
  const missing = await integrity.missingPostgresTables(manager);
  if (missing.length > 0) return missing.map((name) => `the table ${name} is missing`);
  const problems = triggerProblems(POSTGRES_TRIGGERS, await integrity.postgresTriggers(manager));
  const functions = await integrity.postgresFunctions(manager, Object.keys(POSTGRES_FUNCTIONS));
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
  for (const grant of await integrity.postgresGrants(manager))
    problems.push(`${grant.grantee} may ${grant.privilege} on ${grant.table}: only its owner may`);
  for (const rule of await integrity.postgresRules(manager))
    problems.push(`the rule ${rule.name} on ${rule.table} rewrites what is done to it`);
  return problems;
}

/** The head PostgreSQL's head row holds; none on SQLite. */
async function headRow(dataSource: DataSource): Promise<NamedHead[]> {
  if (dataSource.options.type !== 'postgres') return [];
  const head = await integrity.headRow(dataSource.manager);
  return head ? [{ where: "PostgreSQL's audit_head row", head }] : [];
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
