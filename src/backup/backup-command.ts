import { readFileSync } from 'node:fs';

/** The passphrase an archive is sealed under: BACKUP_PASSPHRASE, or the file BACKUP_PASSPHRASE_FILE names. */
export function backupPassphrase(env: NodeJS.ProcessEnv = process.env): string {
  const file = env.BACKUP_PASSPHRASE_FILE;
  const passphrase = file ? readFileSync(file, 'utf8').trim() : env.BACKUP_PASSPHRASE;
  if (!passphrase)
    throw new Error('BACKUP_PASSPHRASE (or BACKUP_PASSPHRASE_FILE) is not set: a backup is never written unencrypted');
  if (passphrase.length < 12) throw new Error('BACKUP_PASSPHRASE must be at least 12 characters');
  return passphrase;
}

/** Runs a backup command: its errors print as one line (never a stack with data in it) and exit 2. */
export function runCommand(command: () => Promise<void>): void {
  // What a backup or restore writes (plain copies while it works, keys) is for this user only.
  process.umask(0o077);
  command().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(2);
    },
  );
}
