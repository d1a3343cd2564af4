import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { browserDescribe } from '../support/browser.js';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import type { TestApp } from '../support/test-app.js';
import { TEST_DAY } from '../support/test-clock.js';
import { addAccount } from '../sign-in/sign-in-support.js';
import { WebSession, accessibilityViolations, screenshot, startWebApp } from './web-support.js';

const PAGE_TIMEOUT = 120_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const ACCOUNTS = {
  secretary: { username: 'anna', password: 'ett långt lösenord för anna', name: 'Anna Berg' },
  supporter: { username: 'karin', password: 'ett långt lösenord för karin', name: 'Karin Lund' },
};

/**
 * Every page of the app, the secretary's and the supporter's, on a 390 × 844 phone and on a
 * desktop: the whole page fits the screen's width (nothing cut off at the right edge, no sideways
 * scrolling), passes axe-core, and is kept as a screenshot to look at.
 */
browserDescribe('every page on a phone')('every page on a phone and a desktop', () => {
  let t: TestApp;
  let base: string;
  let caseId: string;
  const sessions: WebSession[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    ({ t, base } = await startWebApp());
    // The pages only show what the server holds: the browser's own calendar does not matter.
    t.clock.setNow(TEST_DAY);
    const karin = await registerSupporter(t, 'Karin Lund');
    caseId = await registerCase(t);
    for (const event of stepsTo('activeVisits', karin)) await send(t, caseId, event);
    // A stopped visit: a visit with its report form on the supporter's page, an alert in the secretary's inbox.
    await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: '2026-11-28T10:00:00+01:00',
      durationMinutes: 45,
      outcome: 'stopped',
      stopReason: 'childUnwell',
    });
    await addAccount(t, { ...ACCOUNTS.secretary, role: 'secretary' });
    await addAccount(t, { ...ACCOUNTS.supporter, role: 'supporter', supporterId: karin });
  }, 120_000);

  afterAll(async () => {
    for (const session of sessions) await session.close();
    await t?.close();
  }, PAGE_TIMEOUT);

  async function signedIn(role: keyof typeof ACCOUNTS, viewport: typeof PHONE): Promise<Page> {
    const session = await WebSession.open(viewport);
    sessions.push(session);
    const page = await session.newPage();
    await page.goto(`${base}/logga-in`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await page.getByLabel('Användarnamn').fill(ACCOUNTS[role].username);
    await page.getByLabel('Lösenord').fill(ACCOUNTS[role].password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    return page;
  }

  /** Opens the page, waits for its heading, and records what does not fit, what axe finds, and a screenshot. */
  async function look(page: Page, path: string, heading: string | RegExp, name: string): Promise<string[]> {
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('[role="status"]')].some((e) => /^(Hämtar|Laddar)/.test(e.textContent ?? '')),
    );
    violations.push(...(await accessibilityViolations(page)).map((v) => `${name}: ${v}`));
    await screenshot(page, name);
    // What reaches past the screen's right edge, but for what scrolls inside a box of its own (a wide table).
    return page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const scrollsWithin = (e: Element | null): boolean =>
        !!e && e !== document.body && (getComputedStyle(e).overflowX !== 'visible' || scrollsWithin(e.parentElement));
      const wide = [...document.querySelectorAll('body *')].filter(
        (e) => e.getBoundingClientRect().right > width + 1 && !scrollsWithin(e.parentElement),
      );
      const described = wide.map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 30)}`);
      return document.documentElement.scrollWidth > width
        ? [`page ${document.documentElement.scrollWidth} px wide`, ...described]
        : described;
    });
  }

  const secretaryPages = () => [
    ['/', 'Att göra', 'sekreterare-att-gora'],
    ['/registrera-dom', 'Registrera dom', 'sekreterare-registrera-dom'],
    [`/arenden/${caseId}`, /tingsrätt, mål/, 'sekreterare-arende'],
    ['/umgangesstodjare', 'Umgängesstödjare', 'sekreterare-umgangesstodjare'],
    ['/aviseringar', 'Aviseringar', 'sekreterare-aviseringar'],
  ];
  const supporterPages = () => [
    ['/mina-uppdrag', 'Mina uppdrag', 'stodjare-mina-uppdrag'],
    [`/mina-uppdrag/${caseId}`, /Uppdrag: Alva/, 'stodjare-uppdrag'],
    ['/mina-uppdrag/ersattning', 'Min ersättning', 'stodjare-min-ersattning'],
  ];

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)(
    "fits the sign-in page and each of the secretary's pages to a %s's width",
    async (size, viewport) => {
      const session = await WebSession.open(viewport);
      sessions.push(session);
      const signIn = await session.newPage();
      const overflowing = await look(signIn, '/logga-in', 'Logga in', `${size}-logga-in`);
      const page = await signedIn('secretary', viewport);
      for (const [path, heading, name] of secretaryPages()) {
        overflowing.push(...(await look(page, path as string, heading, `${size}-${name as string}`)));
      }
      expect(overflowing).toEqual([]);
    },
    PAGE_TIMEOUT,
  );

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)(
    "fits each of the supporter's pages to a %s's width",
    async (size, viewport) => {
      const page = await signedIn('supporter', viewport);
      const overflowing: string[] = [];
      for (const [path, heading, name] of supporterPages()) {
        overflowing.push(...(await look(page, path as string, heading, `${size}-${name as string}`)));
      }
      expect(overflowing).toEqual([]);
    },
    PAGE_TIMEOUT,
  );

  it('has no accessibility violations and no problems on any page', () => {
    expect(violations).toEqual([]);
    expect(sessions.flatMap((s) => s.problems)).toEqual([]);
    expect(sessions.flatMap((s) => s.outside)).toEqual([]);
  });
});
