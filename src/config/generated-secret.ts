import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refuseIfOpenToOthers } from './data-dir.js';

function readPrivate(path: string): string {
  refuseIfOpenToOthers(path);
  return readFileSync(path, 'utf8').trim();
}

/**
 * A secret kept in the data directory for the embedded default: read when it exists (and only
 * when no one else can read it), otherwise created once, readable by the owner only. Two processes
 * starting at once agree on one file, because the creating write fails when the file already exists.
 */
export function readOrCreateSecret(dataDir: string, fileName: string, create: () => string): string {
  const path = join(dataDir, fileName);
  try {
    return readPrivate(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, `${create()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readPrivate(path);
}
