import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const NAME = /^umgangesstod-\d{8}T\d{6}Z\.bak$/;

/** A scheduled backup's file in `dir`, named by the moment it was taken so the names sort by age. */
export function scheduledBackupPath(dir: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return join(dir, `umgangesstod-${stamp}.bak`);
}

/** Removes all but the newest `keep` scheduled backups in `dir` (only files it named itself); returns those removed. */
export async function keepNewest(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => NAME.test(name)).sort();
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) await rm(join(dir, name));
  return removed;
}
