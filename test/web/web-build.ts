import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../support/eventually.js';

const WEB = 'web';
const BUILT_PAGE = join(WEB, 'dist', 'index.html');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

function builtAfterSources(): boolean {
  const sources = Math.max(
    newestChange(join(WEB, 'src')),
    newestChange(join(WEB, 'index.html')),
    newestChange(join(WEB, 'vite.config.ts')),
  );
  return existsSync(BUILT_PAGE) && statSync(BUILT_PAGE).mtimeMs >= sources;
}

/** Held (a folder: made or refused at once) by the one test file that builds; the others wait for its build. */
const BUILDING = join(WEB, '.building');

/**
 * The web app as `npm run build` builds it (web/dist), built now when it is missing or older than
 * its sources, so a fresh clone's `npm test` and an edit since the last build both test the real thing.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (builtAfterSources()) return;
  try {
    mkdirSync(BUILDING);
  } catch {
    await eventually(() => {
      if (!builtAfterSources()) throw new Error(`another test file is building the web app (${BUILDING} exists)`);
    }, 120_000);
    return;
  }
  try {
    execFileSync('node_modules/.bin/vite', ['build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
      // Jest sets NODE_ENV=test, which would give React's development build: the test tests what npm start serves.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } finally {
    rmSync(BUILDING, { recursive: true, force: true });
  }
}
