import { createHash, createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditEntry } from './audit-entry.entity.js';

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

/** What the writer of an entry says; sequence, time, scheme and hashes are the trail's own. */
export type AuditRecord = Omit<AuditFacts, 'seq' | 'at' | 'scheme'>;

/** The newest entry as last exported outside the database. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** A head exported outside the trail, and where (the head file's path, PostgreSQL's head row). */
export interface NamedHead {
  where: string;
  head: ChainHead;
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

/** The trail's text columns' widths, in characters: [property, width]. */
export function auditColumnWidths(dataSource: DataSource): [string, number][] {
  return dataSource
    .getMetadata(AuditEntry)
    .columns.filter((column) => column.length !== '')
    .map((column) => [column.propertyName, Number(column.length)]);
}

/** A half of a UTF-16 surrogate pair standing alone: no database can store it as it is. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The record as the database will store it: each text cut to its column's width (`widths`, from
 * the entity) by whole characters, and any lone surrogate replaced as the database would. The hash
 * is taken over exactly this, so an entry always verifies (a subject cut through an emoji once
 * broke the chain). Callers pass their texts uncut: this is the one place they are fitted.
 */
function fitted(record: AuditRecord, widths: [string, number][]): AuditRecord {
  const out: Record<string, unknown> = { ...record };
  for (const [field, width] of widths) {
    const value = out[field];
    if (typeof value === 'string')
      out[field] = Array.from(value.replace(LONE_SURROGATE, '\uFFFD')).slice(0, width).join('');
  }
  return out as AuditRecord;
}

/** The rows that append `records` after `previous`, keyed, and the head they end at. */
export function chainedRows(
  previous: ChainHead,
  records: AuditRecord[],
  at: Date,
  key: Buffer,
  widths: [string, number][],
): { rows: AuditEntry[]; head: ChainHead } {
  let head = previous;
  const rows = records.map((record) => {
    const facts: AuditFacts = { ...fitted(record, widths), seq: head.seq + 1, at, scheme: KEYED_SCHEME };
    const hash = chainHash(head.hash, facts, key);
    const row = { ...facts, prevHash: head.hash, hash };
    head = { seq: facts.seq, hash };
    return row;
  });
  return { rows, head };
}

/** The entry's hash: its own facts, in a fixed order, bound to the hash of the entry before. */
export function chainHash(prevHash: string, facts: AuditFacts, key: Buffer): string {
  const digest = facts.scheme === UNKEYED_SCHEME ? createHash('sha256') : createHmac('sha256', key);
  return digest.update(prevHash).update('\n').update(canonical(facts)).digest('hex');
}

export type ChainVerdict =
  { intact: true; entries: number } | { intact: false; entries: number; brokenAt: number; reason: string };

/**
 * Walks the trail in order and names the first entry that does not fit the chain. With heads
 * exported outside it, a trail that stops short of one (its tail cut) or holds another entry at
 * its sequence is broken too.
 */
export async function verifyChain(
  entries: AsyncIterable<AuditEntry>,
  key: Buffer,
  heads: NamedHead[] = [],
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
    const differing = heads.find(({ head }) => entry.seq === head.seq && entry.hash !== head.hash);
    if (differing) return broken(`it differs from the head exported to ${differing.where}`);
    keyed ||= entry.scheme === KEYED_SCHEME;
    prevHash = entry.hash;
    expectedSeq += 1;
    count += 1;
  }
  const beyond = heads.find(({ head }) => count < head.seq);
  if (beyond) {
    return {
      intact: false,
      entries: count,
      brokenAt: count + 1,
      reason: `the trail ends at entry ${count}, but entry ${beyond.head.seq} was exported as its head (${beyond.where}): entries were cut`,
    };
  }
  return { intact: true, entries: count };
}
