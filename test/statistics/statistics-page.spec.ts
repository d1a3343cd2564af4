import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { browserDescribe, launchChromium } from '../support/browser.js';
import { listening } from '../inspector/inspector-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { BUILD_TIMEOUT_MS, buildCase, HAND_BUILT } from './statistics-support.js';

const SCREENSHOT = 'test/artifacts/statistics.png';
const CHARTS = ['endings', 'days', 'visits', 'reminders'];

const describeInBrowser = browserDescribe("the statistics page's browser test");

describeInBrowser('the statistics page in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  /** Every request the page made that was not to the service itself: each was refused. */
  const outside: string[] = [];
  const failures: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    for (const plan of HAND_BUILT) await buildCase(t, plan);
    t.clock.setNow('2026-12-01T09:00:00+01:00');
    base = await listening(t);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${base}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console: ${message.text()}`);
    });
    await page.goto(`${base}/statistics/page?from=2026-01-01&to=2026-12-31#token=${t.token('administrator')}`);
    await page.locator('body[data-ready="true"]').waitFor();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("draws each chart on its canvas from the service's figures", async () => {
    for (const chart of CHARTS) {
      const canvas = page.locator(`canvas[data-chart="${chart}"][data-drawn="true"]`);
      await expect(canvas.count()).resolves.toBe(1);
      // Coloured pixels: Chart.js drew bars, axes and labels, not an empty canvas.
      const painted = await canvas.evaluate((element: HTMLCanvasElement) => {
        const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
        return count;
      });
      expect(painted).toBeGreaterThan(1000);
    }
    const labels = await page.evaluate(() =>
      (
        window as unknown as { Chart: { getChart(id: string): { data: { datasets: { data: (number | null)[] }[] } } } }
      ).Chart.getChart('chart-days').data.datasets.map((set) => set.data),
    );
    expect(labels).toEqual([
      [6.5, 14, null],
      [30, 18, null],
    ]);
  });

  it('shows the spreadsheet\'s rows in its table, with suppressed groups as "<5", never their number', async () => {
    const suppressedCells = await page.locator('#figures td[data-suppressed="true"]').allTextContents();
    expect(suppressedCells.length).toBeGreaterThan(5);
    expect(new Set(suppressedCells)).toEqual(new Set(['<5']));
    await expect(
      page.locator('#figures tr', { hasText: 'umgängesstödjare utsedd: median' }).locator('td').allTextContents(),
    ).resolves.toEqual(['Dagar från mottagen dom', 'umgängesstödjare utsedd: median', '6,5']);
  });

  it('made no request that left the machine and had no failed request; a screenshot is kept', async () => {
    mkdirSync('test/artifacts', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(outside).toEqual([]);
    expect(failures).toEqual([]);
  });

  it("asks for a token when opened without one, and refuses a supporter's", async () => {
    const context = await browser.newContext();
    try {
      const anonymous = await context.newPage();
      await anonymous.goto(`${base}/statistics/page`);
      await anonymous.locator('#token-form:not([hidden])').waitFor();
      await anonymous.fill('#token', t.token('supporter'));
      await anonymous.click('#token-form button[type="submit"]');
      await anonymous.locator('#token-reason', { hasText: 'får inte se statistiken' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
