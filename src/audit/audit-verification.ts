import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { verifyChain } from './audit-chain.js';
import { auditChainKey, readHead } from './chain-anchor.js';
import { enabledAuditTriggers, readTrail } from './audit.repository.js';

export type AuditVerdict = { intact: true; entries: number } | { intact: false; problem: string };

/** The triggers that make the table append-only (migration 1763900000200), by database. */
const APPEND_ONLY_TRIGGERS = {
  sqlite: ['audit_trail_no_delete', 'audit_trail_no_update'],
  postgres: ['audit_trail_append_only', 'audit_trail_no_truncate'],
};

/**
 * The whole check `npm run audit:verify` makes: the append-only triggers are in place and
 * enabled, every entry fits the keyed chain, and the trail reaches the head last exported outside
 * the database (so a cut tail, a rewritten entry and a dropped trigger are all found).
 */
export async function verifyAuditTrail(dataSource: DataSource, config: AppConfig): Promise<AuditVerdict> {
  const expected = APPEND_ONLY_TRIGGERS[dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite'];
  const present = await enabledAuditTriggers(dataSource);
  const missing = expected.filter((name) => !present.includes(name));
  if (missing.length > 0)
    return { intact: false, problem: `the append-only trigger(s) ${missing.join(', ')} are missing or disabled` };
  const head = await readHead(config.audit.headPath);
  const verdict = await verifyChain(readTrail(dataSource.manager), auditChainKey(config), head);
  if (!verdict.intact) {
    return {
      intact: false,
      problem: `BROKEN at entry ${verdict.brokenAt}: ${verdict.reason} (${verdict.entries} entries before it are intact)`,
    };
  }
  if (!head && verdict.entries > 0)
    return {
      intact: false,
      problem: `no exported head at ${config.audit.headPath}: the end of the trail cannot be checked`,
    };
  return verdict;
}
