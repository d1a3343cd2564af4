import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.entity.js';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditFacts = Omit<AuditEntry, 'prevHash' | 'hash'>;

/** The entry's hash: its own facts, in a fixed order, bound to the hash of the entry before. */
export function chainHash(prevHash: string, facts: AuditFacts): string {
  const canonical = JSON.stringify([
    facts.seq,
    facts.at.toISOString(),
    facts.actorId,
    facts.actorRole,
    facts.caseId,
    facts.action,
    facts.resource,
    facts.ip,
    Boolean(facts.allowed),
    facts.status,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export type ChainVerdict =
  | { intact: true; entries: number }
  | { intact: false; entries: number; brokenAt: number; reason: string };

/** Walks the trail in order and names the first entry that does not fit the chain. */
export async function verifyChain(entries: AsyncIterable<AuditEntry>): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for await (const entry of entries) {
    const broken = (reason: string): ChainVerdict => ({ intact: false, entries: count, brokenAt: entry.seq, reason });
    if (entry.seq !== expectedSeq) return broken(`expected entry ${expectedSeq} here: entries are missing`);
    if (entry.prevHash !== prevHash) return broken('its link to the entry before does not match');
    if (entry.hash !== chainHash(prevHash, entry)) return broken('its content does not match its hash');
    prevHash = entry.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { intact: true, entries: count };
}
