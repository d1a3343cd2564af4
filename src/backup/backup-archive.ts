import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt,
  type BinaryLike,
  type ScryptOptions,
} from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * A backup archive: a first line naming the format, a JSON line with the key derivation's
 * parameters and the cipher's nonce, then the payload sealed with AES-256-GCM under a key derived
 * from the passphrase with scrypt, and the 16-byte authentication tag last. The two header lines
 * are authenticated with the payload (as additional data), so nothing in the file can be changed,
 * cut or swapped without the tag failing.
 */
const MAGIC = 'umgangesstod-backup 1\n';
const TAG_BYTES = 16;
/** scrypt at N=2^17, r=8: 128 MiB and a few hundred milliseconds per derivation, OWASP's floor for scrypt. */
const KDF = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;
const HEADER_LIMIT = 4096;

interface ArchiveHeader {
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  iv: string;
}

/** The archive cannot be opened: a wrong passphrase, or a file cut short or changed. Nothing was written. */
export class ArchiveRefusedError extends Error {}

function deriveKey(passphrase: string, salt: BinaryLike, kdf: ArchiveHeader['kdf']): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r };
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Writes `payload` sealed under `passphrase` to `path` (0600), through a partial file renamed into place when whole. */
export async function sealArchive(payload: Readable, path: string, passphrase: string): Promise<void> {
  const header: ArchiveHeader = {
    kdf: { ...KDF, salt: randomBytes(16).toString('base64') },
    cipher: 'aes-256-gcm',
    iv: randomBytes(12).toString('base64'),
  };
  const prefix = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`);
  const key = await deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  cipher.setAAD(prefix);
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { mode: 0o600, flags: 'wx' });
  try {
    out.write(prefix);
    await pipeline(payload, cipher, out, { end: false });
    await new Promise<void>((resolve, reject) =>
      out.end(cipher.getAuthTag(), (error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await rename(partial, path);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

async function readHeader(path: string): Promise<{ header: ArchiveHeader; prefix: Buffer; size: number; tag: Buffer }> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const start = Buffer.alloc(Math.min(HEADER_LIMIT, size));
    await file.read(start, 0, start.length, 0);
    const firstBreak = start.indexOf('\n');
    const secondBreak = start.indexOf('\n', firstBreak + 1);
    if (start.subarray(0, firstBreak + 1).toString() !== MAGIC || secondBreak < 0)
      throw new ArchiveRefusedError(`${path} is not a backup archive of this service`);
    const prefix = start.subarray(0, secondBreak + 1);
    let header: ArchiveHeader;
    try {
      header = JSON.parse(prefix.subarray(firstBreak + 1).toString()) as ArchiveHeader;
    } catch {
      throw new ArchiveRefusedError(`${path} has a damaged header: the archive was changed`);
    }
    if (header.kdf?.name !== 'scrypt' || header.cipher !== 'aes-256-gcm' || size < prefix.length + TAG_BYTES)
      throw new ArchiveRefusedError(`${path} is cut short or was changed`);
    const tag = Buffer.alloc(TAG_BYTES);
    await file.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    return { header, prefix: Buffer.from(prefix), size, tag };
  } finally {
    await file.close();
  }
}

/**
 * Opens the archive at `path` into the plain file `into` (0600). The tag is checked before the
 * call resolves; when it fails, `into` is removed and ArchiveRefusedError says why, so a caller
 * never acts on a payload that was not whole and authentic.
 */
export async function openArchive(path: string, passphrase: string, into: string): Promise<void> {
  const { header, prefix, size, tag } = await readHeader(path);
  const key = await deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(prefix);
  decipher.setAuthTag(tag);
  const body = createReadStream(path, { start: prefix.length, end: size - TAG_BYTES - 1 });
  const out = createWriteStream(into, { mode: 0o600, flags: 'wx' });
  try {
    await pipeline(body, decipher, out);
  } catch (error) {
    await rm(into, { force: true });
    // Checked by its message: under a test runner the error may come from another realm than Error.
    if (/unable to authenticate/i.test(String((error as { message?: unknown }).message)))
      throw new ArchiveRefusedError(
        `${path} could not be opened: the passphrase is wrong, or the archive was cut short or changed`,
      );
    throw error;
  }
}
