import { execFile } from 'node:child_process';
import { DataSource } from 'typeorm';
import { registerAccount, type NewAccount } from '../../src/auth/accounts/account-registration.js';
import type { AppConfig } from '../../src/config/app-config.js';
import type { TestApp } from '../support/test-app.js';

/** The environment that points a script at the test app's database. */
function databaseEnv(config: AppConfig): Record<string, string> {
  return config.database.type === 'postgres'
    ? { DATABASE_URL: config.database.url }
    : { SQLITE_PATH: config.database.path, DATA_DIR: config.dataDir };
}

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run user:add -- <args> --password-stdin`, as an operator runs it, with the password on standard input. */
export function userAdd(config: AppConfig, args: string[], password: string): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', './test/support/typescript-hooks.js', 'scripts/add-user.ts', ...args],
      {
        env: {
          PATH: process.env.PATH,
          LOG_LEVEL: 'silent',
          ...databaseEnv(config),
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(`${password}\n`);
  });
}

/** An account made the way user:add makes it, without a process of its own. */
export async function addAccount(t: TestApp, account: NewAccount): Promise<void> {
  await t.app.get(DataSource).transaction((manager) => registerAccount(manager, account, t.clock.now()));
}

/** The cookie pair (`name=value`) a response set, for sending back. */
export function sessionCookieFrom(setCookie: string[] | string | undefined): string {
  const header = [setCookie ?? []].flat().find((line) => /umgangesstod-session=[^;]/.test(line));
  if (!header) throw new Error(`no session cookie was set: ${JSON.stringify(setCookie)}`);
  return header.split(';')[0];
}
