import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { localSigningKey, mintLocalToken } from '../src/auth/local-tokens.js';
import { loadConfig } from '../src/config/app-config.js';
import { deleteQueueKeys } from '../src/queue/queue-keys.js';
import { BenchClient, percentile } from './bench-client.js';
import { BenchDatabase, freePort, ServiceProcess } from './bench-setup.js';
import { seed } from './cases.js';
import { judgment } from './lifecycle.js';

/** The web app's budgets (issue 28). */
const FIRST_PAGE_JS_BUDGET_KB = 200;
const CASE_PAGE_BUDGET_MS = 1000;
const CASES = Number(process.env.WEB_BUDGET_CASES ?? 100_000);
const NAVIGATIONS = 10;
const PASSWORD = randomBytes(12).toString('base64url');

const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

/** The scripts the first page loads (its module and what it preloads), gzipped as a server would send them. */
function firstPageJavaScript(): { files: string[]; gzippedKb: number } {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(WEB_DIST, file))).length, 0);
  return { files, gzippedKb: bytes / 1024 };
}

function verdict(ok: boolean): string {
  return ok ? 'within budget' : 'OVER BUDGET';
}

/**
 * `npm run web:budget`: the first page's JavaScript (gzipped), and how long after navigation the
 * case page shows its data at 100,000 cases on the embedded default, by Chromium's own Element
 * Timing of the case header (the paint of its text), over ten navigations.
 */
async function main(): Promise<void> {
  const js = firstPageJavaScript();
  console.log(
    `web app: first page JavaScript ${js.gzippedKb.toFixed(1)} kB gzipped (${js.files.join(', ')}), budget ${FIRST_PAGE_JS_BUDGET_KB} kB: ${verdict(js.gzippedKb <= FIRST_PAGE_JS_BUDGET_KB)}`,
  );

  const database = await BenchDatabase.create(false);
  const secret = randomBytes(32).toString('base64url');
  const env = {
    ...database.env,
    JWT_SECRET: secret,
    RUN_WORKER: 'false',
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
  };
  const service = await ServiceProcess.start('main', env, freePort());
  const client = new BenchClient(service.url!, {
    authorization: `Bearer ${mintLocalToken(localSigningKey(loadConfig({ JWT_SECRET: secret })), { sub: 'budget', roles: ['secretary'] })}`,
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const template = (await client.request('POST', '/cases', judgment)).body as { id: string };
    await seed(database, template.id, CASES - 1);
    execFileSync(
      process.execPath,
      [
        join(import.meta.dirname, '..', 'scripts', 'add-user.js'),
        '--username',
        'budget',
        '--role',
        'secretary',
        '--password-stdin',
      ],
      {
        input: `${PASSWORD}\n`,
        env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
        stdio: ['pipe', 'ignore', 'inherit'],
      },
    );
    const page = await browser.newPage({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    await page.goto(`${service.url}/logga-in`);
    await page.getByLabel('Användarnamn').fill('budget');
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Att göra' }).waitFor();
    const shownAfter: number[] = [];
    for (let i = 0; i < NAVIGATIONS; i++) {
      await page.goto(`${service.url}/arenden/${template.id}`);
      shownAfter.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const observer = new PerformanceObserver((list) => {
                const entry = list
                  .getEntries()
                  .find((e) => (e as PerformanceEntry & { identifier: string }).identifier === 'case-data');
                if (entry) resolve((entry as PerformanceEntry & { renderTime: number }).renderTime);
              });
              observer.observe({ type: 'element', buffered: true });
            }),
        ),
      );
    }
    const p50 = percentile(shownAfter, 50);
    const worst = Math.max(...shownAfter);
    console.log(
      `web app: case page data shown ${p50.toFixed(0)} ms after navigation (p50 of ${NAVIGATIONS}, slowest ${worst.toFixed(0)} ms) at ${CASES} cases on SQLite, budget ${CASE_PAGE_BUDGET_MS} ms: ${verdict(worst <= CASE_PAGE_BUDGET_MS)}`,
    );
  } finally {
    await browser.close();
    await client.close();
    await service.stop();
    await deleteQueueKeys({ redis: loadConfig({}).redis, queuePrefix: env.QUEUE_PREFIX });
    await database.drop();
  }
}

await main();
