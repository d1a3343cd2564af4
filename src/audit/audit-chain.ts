import { createHash, createHmac } from 'node:crypto';
import type { AuditEntry } from './audit-entry.entity.js';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an entry's hash is made. 1: SHA-256 of the facts, unkeyed (entries written before the chain
 * had a key; kept so an old trail still verifies). 2: HMAC-SHA256 under the chain key, which lives
 * outside the database, so someone who can write the table cannot forge a link.
 */
export const UNKEYED_SCHEME = 1;
export const KEYED_SCHEME = 2;

export type AuditFacts = Omit<AuditEntry, 'prevHash' | 'hash'>;

/** The newest entry as last exported outside the database. */
export interface ChainHead {
  seq: number;
  hash: string;
}

function canonical(facts: AuditFacts): string {
  const common = [
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
  ];
  return JSON.stringify(facts.scheme === UNKEYED_SCHEME ? common : [...common, facts.subject, facts.scheme]);
}

/** The entry's hash: its own facts, in a fixed order, bound to the hash of the entry before. */
export function chainHash(prevHash: string, facts: AuditFacts, key: Buffer): string {
  const digest = facts.scheme === UNKEYED_SCHEME ? createHash('sha256') : createHmac('sha256', key);
  return digest.update(prevHash).update('\n').update(canonical(facts)).digest('hex');
}

export type ChainVerdict =
  { intact: true; entries: number } | { intact: false; entries: number; brokenAt: number; reason: string };

/**
 * Walks the trail in order and names the first entry that does not fit the chain. With the head
 * exported outside the database, a trail that stops short of it (its tail cut) is broken too.
 */
export async function verifyChain(
  entries: AsyncIterable<AuditEntry>,
  key: Buffer,
  head?: ChainHead,
): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let keyed = false;
  let count = 0;
  for await (const entry of entries) {
    const broken = (reason: string): ChainVerdict => ({ intact: false, entries: count, brokenAt: entry.seq, reason });
    if (entry.seq !== expectedSeq) return broken(`expected entry ${expectedSeq} here: entries are missing`);
    if (entry.prevHash !== prevHash) return broken('its link to the entry before does not match');
    if (keyed && entry.scheme !== KEYED_SCHEME)
      return broken('an unkeyed entry after keyed ones: it was not written by the service');
    if (entry.hash !== chainHash(prevHash, entry, key)) return broken('its content does not match its hash');
    if (head && entry.seq === head.seq && entry.hash !== head.hash)
      return broken('it differs from the head exported outside the database');
    keyed ||= entry.scheme === KEYED_SCHEME;
    prevHash = entry.hash;
    expectedSeq += 1;
    count += 1;
  }
  if (head && count < head.seq) {
    return {
      intact: false,
      entries: count,
      brokenAt: count + 1,
      reason: `the trail ends at entry ${count}, but entry ${head.seq} was exported as its head: entries were cut`,
    };
  }
  return { intact: true, entries: count };
}
