import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { HeadFile, readHead } from '../../src/audit/chain-anchor.js';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

describe('the file the audit head is exported to', () => {
  let dir: string;
  let path: string;
  let file: HeadFile;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'umgangesstod-head-'));
    path = join(dir, 'audit-head.json');
    file = new HeadFile(path);
  });
  afterEach(() => {
    file.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the newest head written, each written over the last in a record of the same size', async () => {
    file.write({ seq: 1, hash: HASH_A });
    const size = statSync(path).size;
    file.write({ seq: 123_456_789, hash: HASH_B });
    expect(await readHead(path)).toEqual({ seq: 123_456_789, hash: HASH_B });
    expect(statSync(path).size).toBe(size);
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
  });

  it('writes the file again when it was deleted or replaced while the service ran', async () => {
    file.write({ seq: 1, hash: HASH_A });
    unlinkSync(path);
    file.write({ seq: 2, hash: HASH_B });
    expect(await readHead(path)).toEqual({ seq: 2, hash: HASH_B });

    writeFileSync(join(dir, 'restored'), `${JSON.stringify({ seq: 1, hash: HASH_A })}\n`);
    renameSync(join(dir, 'restored'), path);
    file.write({ seq: 3, hash: HASH_A });
    expect(await readHead(path)).toEqual({ seq: 3, hash: HASH_A });
  });

  it('replaces a longer file of an older format whole', async () => {
    writeFileSync(path, `${JSON.stringify({ seq: 9, hash: HASH_A })}${' '.repeat(300)}\n`);
    file.write({ seq: 10, hash: HASH_B });
    expect(readFileSync(path, 'utf8')).toHaveLength(128);
    expect(await readHead(path)).toEqual({ seq: 10, hash: HASH_B });
  });

  it('reads a head exported by an earlier version, before records carried their check', async () => {
    writeFileSync(path, `${JSON.stringify({ seq: 7, hash: HASH_A })}\n`);
    expect(await readHead(path)).toEqual({ seq: 7, hash: HASH_A });
  });

  it('does not take a record mixing two heads (one read while the next was written) for a head', async () => {
    file.write({ seq: 41, hash: HASH_A });
    const whole = readFileSync(path, 'utf8');
    file.write({ seq: 42, hash: HASH_B });
    // The new seq with the old hash: what a reader could see mid-write.
    writeFileSync(path, whole.replace('"seq":41', '"seq":42'));
    await expect(readHead(path)).rejects.toThrow(`${path} does not hold an audit head`);
  });

  it('has no head to give before anything was exported', async () => {
    expect(await readHead(path)).toBeUndefined();
  });
});
