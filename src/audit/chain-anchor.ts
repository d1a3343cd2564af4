import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readOrCreateSecret } from '../config/generated-secret.js';
import type { AppConfig } from '../config/app-config.js';
import { SECRET_FILES } from '../config/data-dir.js';
import type { ChainHead } from './audit-chain.js';

/** The chain's HMAC key: AUDIT_CHAIN_KEY, or one generated into the data directory, never in the database. */
export function auditChainKey(config: AppConfig): Buffer {
  const key =
    config.audit.key ??
    readOrCreateSecret(config.dataDir, SECRET_FILES.auditChainKey, () => randomBytes(32).toString('base64'));
  return Buffer.from(key, 'base64');
}

/** Every head is written as exactly this many bytes (JSON, padded with spaces, a newline last). */
const HEAD_RECORD_BYTES = 128;

/**
 * The file the head is exported to, where the database cannot reach it: kept open, and each head
 * written over the one before at offset 0 as one fixed-width record, in one system call. Renaming
 * a fresh file over it for every head cost an open, a write, a close and a rename (the rename alone
 * about 300 µs on this file system) on every PostgreSQL commit. A write of 128 bytes within one
 * page leaves the previous head or the new one after a crash, as the rename did (neither is flushed
 * to disk); a reader that meets a record mid-write reads again (readHead).
 */
export class HeadFile {
  private fd: number | undefined;

  constructor(private readonly path: string) {}

  write(head: ChainHead): void {
    const record =
      JSON.stringify({ seq: head.seq, hash: head.hash, check: headCheck(head) }).padEnd(HEAD_RECORD_BYTES - 1) + '\n';
    if (record.length !== HEAD_RECORD_BYTES) throw new Error(`an audit head does not fit ${HEAD_RECORD_BYTES} bytes`);
    const reopened = this.fd === undefined || fstatSync(this.fd).nlink === 0;
    if (reopened) this.open();
    writeSync(this.fd!, record, 0, 'latin1');
    // Not truncated when opened (another process may have just written its head there): a longer file of an older format is cut after.
    if (reopened) ftruncateSync(this.fd!, HEAD_RECORD_BYTES);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Opened again when the file held was deleted or replaced meanwhile: fstat is cheap, a path lookup is not. */
  private open(): void {
    this.close();
    this.fd = openSync(this.path, constants.O_WRONLY | constants.O_CREAT, 0o600);
  }
}

/** Binds a record's seq and hash together, so a record read while another is written over it is told from a whole one. */
function headCheck(head: ChainHead): string {
  return createHash('sha256').update(`${head.seq}:${head.hash}`).digest('hex').slice(0, 16);
}

/** The head a record holds; none when it is not whole. Records of the older format, a file renamed into place, carry no check. */
function parsedHead(text: string): ChainHead | undefined {
  let record: Partial<ChainHead> & { check?: unknown };
  try {
    record = JSON.parse(text) as typeof record;
  } catch {
    return undefined;
  }
  if (typeof record.seq !== 'number' || typeof record.hash !== 'string') return undefined;
  const head = { seq: record.seq, hash: record.hash };
  return record.check === undefined || record.check === headCheck(head) ? head : undefined;
}

/** The exported head, or none when the service never wrote an entry with this head path. */
export async function readHead(path: string): Promise<ChainHead | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const head = parsedHead(text);
    if (head) return head;
    // A record caught mid-write is whole a moment later; one that stays broken is not a head.
    if (attempt === 3) throw new Error(`${path} does not hold an audit head`);
  }
}
