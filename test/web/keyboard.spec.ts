import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { browserDescribe } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import { aChildPersonnummer, aParentPersonnummer } from '../support/test-people.js';
import { addAccount } from '../sign-in/sign-in-support.js';
import { WebSession, screenshot, startWebApp, swedishDayFromToday } from './web-support.js';

const PASSWORD = 'ett långt lösenord för bo';

/**
 * Everything reachable by keyboard: a secretary who uses no mouse signs in, goes to "Registrera
 * dom" and registers a judgment with Tab, typing, Space and Enter alone.
 */
browserDescribe("the web app's keyboard test")('the web app by keyboard alone', () => {
  let t: TestApp;
  let base: string;
  let web: WebSession;
  let page: Page;

  beforeAll(async () => {
    ({ t, base } = await startWebApp());
    await addAccount(t, { username: 'bo', role: 'secretary', name: 'Bo Ek', password: PASSWORD });
    web = await WebSession.open();
    page = await web.newPage();
  }, 120_000);

  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  /** What has focus: its label's text (or its own, for a link or button), to steer by. */
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const labelled = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
      const group = element.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
      return `${group}|${(labelled?.textContent ?? element.textContent ?? '').trim()}`;
    });

  /** Presses Tab (or Shift+Tab) until the control whose label (within the group, if given) is `label` has focus. */
  async function tabTo(label: string, group = '', key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    for (let presses = 0; presses < 80; presses++) {
      const [inGroup, text] = (await focused()).split('|');
      if (text === label && (!group || inGroup === group)) return;
      await page.keyboard.press(key);
    }
    throw new Error(`Tab never reached "${label}"${group ? ` in "${group}"` : ''}; focus is on ${await focused()}`);
  }

  async function type(label: string, text: string, group = ''): Promise<void> {
    await tabTo(label, group);
    await page.keyboard.type(text);
  }

  it('signs in and registers a judgment without a mouse', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await type('Användarnamn', 'bo');
    await type('Lösenord', PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Att göra' }).waitFor();

    // A new page's heading takes focus; the navigation lies before it.
    expect(await focused()).toBe('|Att göra');
    await tabTo('Registrera dom', '', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Registrera dom' }).waitFor();

    await type('Tingsrätt', 'Västmanlands tingsrätt');
    await type('Målnummer', 'T 812-26');
    await type('Domens datum', swedishDayFromToday(-2));
    await tabTo('Tingsrätten har begärt en utvärdering efter perioden');
    await page.keyboard.press('Space');
    await type('Periodens första dag', swedishDayFromToday(1));
    await type('Namn', 'Nils Holm', 'Barnet');
    await type('Personnummer', aChildPersonnummer(), 'Barnet');
    await type('Namn', 'Lena Holm', 'Boendeförälder');
    await type('Personnummer', aParentPersonnummer(), 'Boendeförälder');
    await type('Namn', 'Per Holm', 'Umgängesförälder');
    await type('Personnummer', aParentPersonnummer(), 'Umgängesförälder');
    await tabTo('Registrera dom');
    await screenshot(page, '12-tangentbord-registrera-dom');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Västmanlands tingsrätt, mål T 812-26' }).waitFor();
    await expect(page.getByText('tingsrätten har begärt utvärdering', { exact: false }).count()).resolves.toBe(1);
    expect(web.problems).toEqual([]);
  });
});
