import { randomBytes, randomUUID } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readOrCreateSecret } from '../config/generated-secret.js';
import type { AppConfig } from '../config/app-config.js';
import { SECRET_FILES } from '../config/data-dir.js';
import type { ChainHead } from './audit-chain.js';

/** The chain's HMAC key: AUDIT_CHAIN_KEY, or one generated into the data directory, never in the database. */
export function auditChainKey(config: AppConfig): Buffer {
  const key = config.audit.key ?? readOrCreateSecret(config.dataDir, SECRET_FILES.auditChainKey, () => randomBytes(32).toString('base64'));
  return Buffer.from(key, 'base64');
}

/**
 * Writes the head where the database cannot reach it. A temporary file renamed over the old one:
 * a crash mid-write leaves the previous head, never half of one. Synchronously: a file of a few
 * dozen bytes, not flushed to disk, costs the event loop tens of microseconds, where fs/promises
 * took four thread-pool round trips (open, write, close, rename) and about a millisecond of an
 * audited request's answer.
 */
export function exportHead(path: string, head: ChainHead): void {
  // Unique per write: several services in one process (or processes sharing DATA_DIR) export heads at once.
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(head)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

/** The exported head, or none when the service never wrote an entry with this head path. */
export async function readHead(path: string): Promise<ChainHead | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const head = JSON.parse(text) as Partial<ChainHead>;
  if (typeof head.seq !== 'number' || typeof head.hash !== 'string') throw new Error(`${path} does not hold an audit head`);
  return { seq: head.seq, hash: head.hash };
}
