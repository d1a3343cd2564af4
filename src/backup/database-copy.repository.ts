import Database from 'better-sqlite3';
import type { ChainHead } from '../audit/audit-chain.js';
import type { BackupManifest } from './backup-contents.js';

/** Reads the facts of a backup's copy of the SQLite database (opened alone, read-only): counts, the audit head and the newest migration. */
export function describeDatabase(path: string): Omit<BackupManifest, 'format' | 'takenAt' | 'secrets'> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const head = db.prepare('SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1').get() as
      ChainHead | undefined;
    const migration = db.prepare('SELECT name FROM migrations ORDER BY id DESC LIMIT 1').get() as
      { name: string } | undefined;
    return {
      cases: count('cases'),
      auditEntries: count('audit_trail'),
      auditHead: head ?? null,
      migration: migration?.name ?? null,
    };
  } finally {
    db.close();
  }
}
