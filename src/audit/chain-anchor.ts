import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
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
  /** Whether the file open was cut to one record since it was opened. */
  private sized = false;

  constructor(readonly path: string) {}

  /**
   * The head the file holds now (written by this process or another on the same file), read
   * through the descriptor held; none when nothing was exported yet.
   */
  read(): ChainHead | undefined {
    if (!this.held()) return undefined;
    const buffer = Buffer.alloc(HEAD_RECORD_BYTES * 4);
    for (let attempt = 1; ; attempt += 1) {
      const length = readSync(this.fd!, buffer, 0, buffer.length, 0);
      if (length === 0) return undefined;
      const head = parsedHead(buffer.toString('latin1', 0, length));
      if (head) return head;
      if (attempt === 3) throw new Error(`${this.path} does not hold an audit head`);
    }
  }

  /**
   * Exports `head` unless the file already holds this head or a later one: the exported head
   * never moves back, whichever process on this file wrote last. (Two processes writing at the
   * same instant can still leave the lower of their two heads, each a committed entry; the next
   * export moves it on.)
   */
  write(head: ChainHead): void {
    const current = this.read();
    if (current && current.seq >= head.seq) return;
    this.replace(head);
  }

  /** Writes `head` whatever the file held: only for a baseline an operator accepted (acceptBaseline). */
  replace(head: ChainHead): void {
    const record =
      JSON.stringify({ seq: head.seq, hash: head.hash, check: headCheck(head) }).padEnd(HEAD_RECORD_BYTES - 1) + '\n';
    if (record.length !== HEAD_RECORD_BYTES) throw new Error(`an audit head does not fit ${HEAD_RECORD_BYTES} bytes`);
    if (this.fd === undefined || fstatSync(this.fd).nlink === 0) this.open(constants.O_CREAT);
    writeSync(this.fd!, record, 0, 'latin1');
    // Not truncated when opened (another process may have just written its head there): a longer file of an older format is cut after.
    if (!this.sized) ftruncateSync(this.fd!, HEAD_RECORD_BYTES);
    this.sized = true;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Whether the file is open, opening it when it exists (or was deleted or replaced meanwhile). */
  private held(): boolean {
    if (this.fd !== undefined && fstatSync(this.fd).nlink > 0) return true;
    try {
      this.open(0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    return true;
  }

  /** Opened again when the file held was deleted or replaced meanwhile: fstat is cheap, a path lookup is not. */
  private open(create: number): void {
    this.close();
    this.fd = openSync(this.path, constants.O_RDWR | create, 0o600);
    this.sized = false;
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
