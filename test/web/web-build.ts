import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WEB = 'web';
const BUILT_PAGE = join(WEB, 'dist', 'index.html');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/**
 * The web app as `npm run build` builds it (web/dist), built now when it is missing or older than
 * its sources, so a fresh clone's `npm test` and an edit since the last build both test the real thing.
 */
export function ensureWebBuilt(): void {
  const sources = Math.max(
    newestChange(join(WEB, 'src')),
    newestChange(join(WEB, 'index.html')),
    newestChange(join(WEB, 'vite.config.ts')),
  );
  if (existsSync(BUILT_PAGE) && statSync(BUILT_PAGE).mtimeMs >= sources) return;
  execFileSync('node_modules/.bin/vite', ['build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
    // Jest sets NODE_ENV=test, which would give React's development build: the test tests what npm start serves.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
