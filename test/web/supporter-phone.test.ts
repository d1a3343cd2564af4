import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { browserDescribe } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import type { TestApp } from '../support/test-app.js';
import { TEST_DAY } from '../support/test-clock.js';
import { addAccount, userAdd } from '../sign-in/sign-in-support.js';
import { WebSession, accessibilityViolations, screenshot, startWebApp } from './web-support.js';
import { PNG } from '../support/uploads.js';

const PASSWORD = 'ett långt lösenord för karin';
const SECRETARY_PASSWORD = 'ett långt lösenord för anna';
const PAGE_TIMEOUT = 120_000;

/**
 * A supporter made with user:add, on a 390 × 844 phone: signs in, sees only their own assignment
 * (the children's first names, never a personnummer; another supporter's case opens from no page),
 * logs a stopped visit with its reason and files a report on it as text and as a photo, which the
 * secretary's alerts show; logs who did not come to a missed visit; writes a report without a
 * connection, which is kept on the phone as "inte skickad ännu" and sent once when the connection
 * returns; and signs out, which removes what was not sent. Every page passes axe-core and is kept
 * as a screenshot.
 */
browserDescribe("the supporter's phone pages")("a supporter's visit on the phone", () => {
  let t: TestApp;
  let base: string;
  let web: WebSession;
  let page: Page;
  let ownCase: string;
  let otherCase: string;
  const violations: string[] = [];

  const checkAccessibility = async (where: string) => {
    violations.push(...(await accessibilityViolations(page)).map((v) => `${where}: ${v}`));
  };
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  /** How Chromium fails a request while the test has cut the network (and only then). */
  const CUT_OFF = 'net::ERR_INTERNET_DISCONNECTED';
  /** Runs `steps` with the browser's network cut (or just the visit's request); the requests that failed for it are no problem of the app. */
  const withoutConnection = async (steps: () => Promise<void>, only?: 'for the visit') => {
    const before = web.problems.length;
    if (!only) await web.context.setOffline(true);
    try {
      await steps();
    } finally {
      if (!only) await web.context.setOffline(false);
      const during = web.problems.splice(before);
      web.problems.push(...during.filter((problem) => !problem.endsWith(CUT_OFF)));
    }
  };
  /** How many entries wait in the phone's store of what is not sent yet (IndexedDB). */
  const unsentOnDevice = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const opening = indexedDB.open('umgangesstod', 1);
          opening.onupgradeneeded = () => opening.result.createObjectStore('inte-skickat', { keyPath: 'key' });
          opening.onerror = () => reject(opening.error ?? new Error('IndexedDB could not be opened'));
          opening.onsuccess = () => {
            const counting = opening.result.transaction('inte-skickat').objectStore('inte-skickat').count();
            counting.onsuccess = () => {
              resolve(counting.result);
              opening.result.close();
            };
          };
        }),
    );

  beforeAll(async () => {
    ({ t, base } = await startWebApp());
    // The visits' dates are fixed (November 2026): the server and the phone both live on the test
    // day, so that the case is still running and the month still among those the page offers.
    t.clock.setNow(TEST_DAY);
    const karin = await registerSupporter(t, 'Karin Lund');
    const olle = await registerSupporter(t, 'Olle Ek');
    ownCase = await registerCase(t);
    otherCase = await registerCase(t);
    for (const event of stepsTo('activeVisits', karin)) await send(t, ownCase, event);
    for (const event of stepsTo('activeVisits', olle)) await send(t, otherCase, event);
    const added = await userAdd(
      t.config,
      [
        '--username',
        'karin',
        '--role',
        'supporter',
        '--supporter-id',
        karin,
        '--name',
        'Karin Lund',
        '--password-stdin',
      ],
      PASSWORD,
    );
    expect(added.code).toBe(0);
    await addAccount(t, { username: 'anna', role: 'secretary', name: 'Anna Berg', password: SECRETARY_PASSWORD });
    web = await WebSession.open({ width: 390, height: 844 }, t.clock.now());
    page = await web.newPage();
  }, 120_000);

  afterAll(async () => {
    await web?.close();
    await t?.close();
  }, PAGE_TIMEOUT);

  it(
    'signs in and shows only her own assignment, with the child’s first name',
    async () => {
      await page.goto(`${base}/`);
      await heading('Logga in');
      await page.getByLabel('Användarnamn').fill('karin');
      await page.getByLabel('Lösenord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await heading('Mina uppdrag');
      const cards = page.locator('.cards > li');
      await page.getByRole('link', { name: 'Alva' }).waitFor();
      await expect(cards.count()).resolves.toBe(1);
      await expect(page.locator(`a[href="/mina-uppdrag/${otherCase}"]`).count()).resolves.toBe(0);
      await expect(page.locator('main').innerText()).resolves.not.toMatch(/\d{6}-?\d{4}/);
      await checkAccessibility('Mina uppdrag');
      await screenshot(page, 'supporter-01-mina-uppdrag');
    },
    PAGE_TIMEOUT,
  );

  it(
    "does not open another supporter's case",
    async () => {
      await page.goto(`${base}/mina-uppdrag/${otherCase}`);
      await heading('Uppdraget finns inte');
      await checkAccessibility('Uppdraget finns inte');
      // Her session's own requests get nothing of it either.
      await expect(page.request.get(`${base}/cases/${otherCase}`).then((r) => r.status())).resolves.toBe(404);
      await page.goto(`${base}/mina-uppdrag`);
      await heading('Mina uppdrag');
    },
    PAGE_TIMEOUT,
  );

  it(
    'logs a stopped visit with its reason, the missing reason shown at its field first',
    async () => {
      await page.getByRole('link', { name: 'Alva' }).click();
      await heading(/Uppdrag: Alva/);
      await checkAccessibility('Uppdrag');
      await screenshot(page, 'supporter-02-uppdrag');
      const form = page.locator('#log-visit-form');
      await form.getByLabel('Datum').fill('2026-11-28');
      await form.getByLabel('Klockslag').fill('10.00');
      await form.getByLabel('Längd i minuter').fill('45');
      await form.getByLabel('Avbrutet').check();
      await page.getByRole('button', { name: 'Logga besöket' }).click();
      await page.getByRole('alert').filter({ hasText: 'Ange varför umgängestillfället avbröts.' }).waitFor();
      await checkAccessibility('Logga besök, skäl saknas');
      await screenshot(page, 'supporter-03-skal-saknas');
      await form.getByLabel('Barnet mådde inte bra').check();
      await page.getByRole('button', { name: 'Logga besöket' }).click();
      await page.getByText('Besöket är loggat.').waitFor();
      await page.getByRole('heading', { level: 3, name: /Avbrutet/ }).waitFor();
      const visits = await t.as('secretary').get(`/cases/${ownCase}`).expect(200);
      expect(visits.body.visits).toEqual([
        expect.objectContaining({ outcome: 'stopped', stopReason: 'childUnwell', durationMinutes: 45 }),
      ]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'files a report on the stopped visit as text and as a photo of the paper form, and then shows it has come in',
    async () => {
      await page.getByText('Rapport saknas').waitFor();
      await page.getByLabel('Skriv rapport').fill('Alva hade ont i magen och ville gå hem efter en stund.');
      const photo = page.getByLabel('Eller fotografera den ifyllda blanketten');
      await expect(photo.getAttribute('accept')).resolves.toBe('image/*,application/pdf');
      await expect(photo.getAttribute('capture')).resolves.not.toBeNull();
      await photo.setInputFiles({ name: 'rapport.png', mimeType: 'image/png', buffer: PNG });
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await page.getByText('Rapporten är skickad.').waitFor();
      await checkAccessibility('Rapport skickad');
      await screenshot(page, 'supporter-04-rapport-skickad');
      const view = await t.as('secretary').get(`/cases/${ownCase}`).expect(200);
      const visitId = (view.body.visits as { id: string }[])[0].id;
      const reports = await eventually(async () => {
        const answer = await t.as('secretary').get(`/cases/${ownCase}/visits/${visitId}/reports`).expect(200);
        expect(answer.body.items).toHaveLength(2);
        return answer.body.items as unknown[];
      });
      expect(reports).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ form: 'text', text: 'Alva hade ont i magen och ville gå hem efter en stund.' }),
          expect.objectContaining({ form: 'scan', filedBy: { id: 'karin', role: 'supporter' } }),
        ]),
      );
      await page.reload();
      await page.getByText('Rapport inkommen').waitFor();
      await expect(page.getByText('Rapport saknas').count()).resolves.toBe(0);
      // A further report can still follow, folded away under the visit.
      await expect(page.getByLabel('Skriv rapport').isVisible()).resolves.toBe(false);
      await page.getByText('Skicka en rapport till om besöket').click();
      await page.getByLabel('Skriv rapport').waitFor();
      await checkAccessibility('Rapport inkommen');
      await screenshot(page, 'supporter-04b-rapport-inkommen');
    },
    PAGE_TIMEOUT,
  );

  it(
    'shows her own compensation for the month of the visit',
    async () => {
      await page.getByRole('link', { name: 'Min ersättning' }).click();
      await heading('Min ersättning');
      await expect(page.locator('nav [aria-current="page"]').allInnerTexts()).resolves.toEqual(['Min ersättning']);
      await page.getByLabel('Månad').selectOption('2026-11');
      const november = page.getByRole('definition');
      await page.getByText('0,75').waitFor();
      await expect(november.first().innerText()).resolves.toBe('1');
      await checkAccessibility('Min ersättning');
      await screenshot(page, 'supporter-05-min-ersattning');
      const all = await t.as('secretary').get('/compensation?month=2026-11').expect(200);
      expect(all.body.items).toHaveLength(1);
    },
    PAGE_TIMEOUT,
  );

  it(
    'logs a visit the visiting parent did not come to, saying who did not come and why',
    async () => {
      await page.getByRole('link', { name: 'Mina uppdrag' }).click();
      await page.getByRole('link', { name: 'Alva' }).click();
      await heading(/Uppdrag: Alva/);
      const form = page.locator('#log-visit-form');
      await form.getByLabel('Datum').fill('2026-11-29');
      await form.getByLabel('Klockslag').fill('10.00');
      await form.getByLabel('Uteblivet').check();
      await page.getByRole('button', { name: 'Logga besöket' }).click();
      await page.getByRole('alert').filter({ hasText: 'Ange vem som inte kom.' }).waitFor();
      await checkAccessibility('Logga besök, vem som inte kom saknas');
      await form.getByRole('group', { name: 'Vem kom inte?' }).getByLabel('Umgängesföräldern').check();
      await form.getByLabel('Varför? (frivilligt)').fill('Pappan hörde inte av sig.');
      await page.getByRole('button', { name: 'Logga besöket' }).click();
      await page.getByText('Kom inte: Umgängesföräldern').waitFor();
      await screenshot(page, 'supporter-06-kom-inte');
      const view = await t.as('secretary').get(`/cases/${ownCase}`).expect(200);
      expect(view.body.visits).toContainEqual(
        expect.objectContaining({
          outcome: 'noShow',
          cancelledBy: 'visitingParent',
          absenceReason: 'Pappan hörde inte av sig.',
        }),
      );
    },
    PAGE_TIMEOUT,
  );

  it(
    'keeps a report written without a connection on the phone, shows it as not sent, and sends it once when the connection returns',
    async () => {
      const form = page.locator('#log-visit-form');
      await form.getByLabel('Datum').fill('2026-11-30');
      await form.getByLabel('Klockslag').fill('15.00');
      await form.getByLabel('Längd i minuter').fill('60');
      await page.getByRole('button', { name: 'Logga besöket' }).click();
      const held = page.locator('.card').filter({ has: page.getByRole('heading', { name: /30 november 2026/ }) });
      await held.waitFor();
      const visitId = await eventually(async () => {
        const view = await t.as('secretary').get(`/cases/${ownCase}`).expect(200);
        const visit = (view.body.visits as { id: string; outcome: string }[]).find((v) => v.outcome === 'completed');
        expect(visit).toBeDefined();
        return visit!.id;
      });
      const reportsOnFile = async () =>
        (await t.as('secretary').get(`/cases/${ownCase}/visits/${visitId}/reports`).expect(200)).body.items as {
          text: string;
        }[];

      await withoutConnection(async () => {
        await held.getByLabel('Skriv rapport').fill('Umgänget gick bra. De spelade spel och åt mellanmål.');
        await held.getByRole('button', { name: 'Skicka rapporten' }).click();
        await page.getByText('inte skickad ännu', { exact: true }).waitFor();
        await held.getByText('Det du skrev är sparat på telefonen').waitFor();
        await checkAccessibility('Rapport inte skickad ännu');
        await screenshot(page, 'supporter-07-inte-skickad');
        expect(page.url()).not.toContain('spelade');
        await expect(reportsOnFile()).resolves.toEqual([]);
      });
      await page.getByText('inte skickad ännu', { exact: true }).waitFor({ state: 'detached' });
      const filed = await eventually(async () => {
        const reports = await reportsOnFile();
        expect(reports).toHaveLength(1);
        return reports;
      });
      expect(filed[0].text).toBe('Umgänget gick bra. De spelade spel och åt mellanmål.');
      await screenshot(page, 'supporter-08-skickad');
    },
    PAGE_TIMEOUT,
  );

  it(
    'removes what was not sent from the phone when she signs out',
    async () => {
      // The connection drops for the visit alone, and is back when she signs out.
      await withoutConnection(async () => {
        const form = page.locator('#log-visit-form');
        await form.getByLabel('Datum').fill('2026-12-01');
        await form.getByLabel('Klockslag').fill('10.00');
        await page.route('**/cases/*/events', (route) => route.abort('internetdisconnected'));
        await page.getByRole('button', { name: 'Logga besöket' }).click();
        await page.getByText('inte skickad ännu', { exact: true }).waitFor();
        await expect(unsentOnDevice()).resolves.toBe(1);
      }, 'for the visit');
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await heading('Logga in');
      await page.unroute('**/cases/*/events');
      await expect(unsentOnDevice()).resolves.toBe(0);
      const view = await t.as('secretary').get(`/cases/${ownCase}`).expect(200);
      expect(view.body.visits).not.toContainEqual(expect.objectContaining({ occurredAt: '2026-12-01T09:00:00.000Z' }));
    },
    PAGE_TIMEOUT,
  );

  it(
    "shows the secretary the stopped visit's alert",
    async () => {
      const secretary = await web.newPage();
      await secretary.goto(`${base}/logga-in`);
      await secretary.getByLabel('Användarnamn').fill('anna');
      await secretary.getByLabel('Lösenord').fill(SECRETARY_PASSWORD);
      await secretary.getByRole('button', { name: 'Logga in' }).click();
      await secretary.getByRole('heading', { level: 1, name: 'Att göra' }).waitFor();
      await secretary.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aviseringar' }).click();
      await secretary.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
      await secretary
        .getByRole('link', { name: /Ett umgängestillfälle avbröts/ })
        .first()
        .waitFor();
      await screenshot(secretary, 'supporter-09-sekreterarens-avisering');
      await secretary.close();
    },
    PAGE_TIMEOUT,
  );

  it('has no accessibility violations and no problems on any page', () => {
    expect(violations).toEqual([]);
    // A request the network cut failed can be reported after the connection is back: never the app's problem.
    expect(web.problems.filter((problem) => !problem.endsWith(CUT_OFF))).toEqual([]);
    expect(web.outside).toEqual([]);
  });
});
