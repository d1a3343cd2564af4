import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app.js';
import { ensureWebBuilt } from './web-build.js';

export const ARTIFACTS = 'test/artifacts/web';
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** The service (the built web app included) listening on 127.0.0.1, and its address. */
export async function startWebApp(options: TestAppOptions = {}): Promise<{ t: TestApp; base: string }> {
  await ensureWebBuilt();
  const t = await startTestApp(options);
  const server = t.app.getHttpServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { t, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** One Chromium for the test file: each session is a context of its own in it, as separate as two browsers. */
let chromium: Promise<Browser> | undefined;
afterAll(async () => {
  const launched = chromium;
  chromium = undefined;
  await (await launched)?.close();
});

/**
 * A browser session in Swedish, in Swedish time, that records every request it makes and lets
 * none leave 127.0.0.1, and every problem the page has: a script error, a refusal by the page's
 * CSP, a failed request, an answer of 500 or more.
 */
export class WebSession {
  readonly requests: string[] = [];
  readonly outside: string[] = [];
  readonly problems: string[] = [];

  private constructor(readonly context: BrowserContext) {}

  /**
   * `now`: where the browser's clock starts, for a suite whose server runs on the test's clock
   * (`t.clock.now()`), so that the page's "today" is the server's; else the browser's own.
   */
  static async open(viewport = { width: 1280, height: 900 }, now?: Date): Promise<WebSession> {
    chromium ??= launchChromium();
    const context = await (await chromium).newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport });
    if (now) await context.clock.install({ time: now });
    const session = new WebSession(context);
    // Recorded, not intercepted: interception would turn off the browser's cache. Chromium resolves
    // no name but 127.0.0.1 (test/support/browser.ts), so a request meant to leave fails.
    context.on('request', (request) => {
      const url = new URL(request.url());
      session.requests.push(url.href);
      if (url.hostname !== '127.0.0.1') session.outside.push(url.href);
    });
    return session;
  }

  async newPage(): Promise<Page> {
    const page = await this.context.newPage();
    // Shorter than a test's own limit, so a wait that fails names what it waited for.
    page.setDefaultTimeout(45_000);
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) this.problems.push(`CSP: ${message.text()}`);
    });
    page.on('requestfailed', (request) => {
      // A download the page itself ends (the PDF opened in a tab) is no failure of the app.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
        this.problems.push(`${request.url()}: ${request.failure()?.errorText}`);
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 500) this.problems.push(`${response.url()}: ${response.status()}`);
    });
    return page;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is now: what each violation is and where.
 * Injected through the debugging protocol, which the page's CSP does not govern.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Once per document: moving within the app keeps the page's scripts, axe among them.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return (violations as AxeViolation[]).map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** A full-page screenshot under test/artifacts/web/, to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A Swedish calendar day `days` from today. */
export function swedishDayFromToday(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(day);
}
