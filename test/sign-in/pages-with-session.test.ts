import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../src/common/actor.js';
import { browserDescribe, launchChromium } from '../support/browser.js';
import { listening } from '../inspector/inspector-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addAccount } from './sign-in-support.js';

const PASSWORD = 'ett lösenord för sidorna';

const describeInBrowser = browserDescribe('the pages signed in with a browser session');

/**
 * One sign-in for every page: a person signed in once (the session cookie, as the web app's
 * sign-in sets it) opens the inspector, the statistics page and the queue dashboard without a
 * token, each for the roles that may see it, in Chromium.
 */
describeInBrowser('the inspector, the statistics page and the queue dashboard with a browser session', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    const people: [string, Role][] = [
      ['dev', 'developer'],
      ['sara', 'secretary'],
      ['adam', 'administrator'],
    ];
    for (const [username, role] of people) await addAccount(t, { username, name: username, role, password: PASSWORD });
    base = await listening(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  /** A fresh browser signed in as `username` the way the web app signs in: POST /auth/login from the page. */
  async function signedIn(username: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/auth/config`);
    const status = await page.evaluate(
      async ([name, password]) =>
        (
          await fetch('/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: name, password }),
          })
        ).status,
      [username, PASSWORD],
    );
    expect(status).toBe(200);
    return page;
  }

  it('opens the inspector for a developer, live, without a token', async () => {
    const page = await signedIn('dev');
    await page.goto(`${base}/inspector`);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('#live.on').waitFor();
    await expect(page.locator('#token-form').isHidden()).resolves.toBe(true);
    await expect(page.locator('[data-state="activeVisits"]').count()).resolves.toBe(1);
  });

  it('opens the statistics for a secretary and an administrator, without a token', async () => {
    for (const username of ['sara', 'adam']) {
      const page = await signedIn(username);
      await page.goto(`${base}/statistics/page?from=2026-01-01&to=2026-12-31`);
      await page.locator('body[data-ready="true"]').waitFor();
      await expect(page.locator('#token-form').isHidden()).resolves.toBe(true);
    }
  });

  it('opens the queue dashboard for an administrator, without a token', async () => {
    const page = await signedIn('adam');
    const answer = await page.goto(`${base}/admin/queues`);
    expect(answer?.status()).toBe(200);
    await page.getByText('Deadlines').first().waitFor();
  });

  it('keeps each page to its roles: the session is the same person a token would be', async () => {
    const secretary = await signedIn('sara');
    expect((await secretary.goto(`${base}/admin/queues`))?.status()).toBe(403);
    await secretary.goto(`${base}/inspector`);
    await secretary.locator('#token-form:not([hidden])').waitFor();
    await expect(secretary.locator('#token-reason').textContent()).resolves.toContain('developer');

    const developer = await signedIn('dev');
    await developer.goto(`${base}/statistics/page`);
    await developer.locator('#token-reason', { hasText: 'får inte se statistiken' }).waitFor();
  });

  it('asks again once the session has ended', async () => {
    const page = await signedIn('sara');
    const csrf = await page.evaluate(
      async () => ((await (await fetch('/auth/session')).json()) as { csrfToken: string }).csrfToken,
    );
    await page.evaluate(
      async (token) => fetch('/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': token } }),
      csrf,
    );
    await page.goto(`${base}/statistics/page`);
    await page.locator('#token-reason', { hasText: 'kräver inloggning' }).waitFor();
    await expect(page.locator('#token-form a[href="/"]').textContent()).resolves.toBe('Logga in');
  });
});
