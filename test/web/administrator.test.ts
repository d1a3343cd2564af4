import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { browserDescribe } from '../support/browser.js';
import { registerCase, registerSupporter, send, stepsTo, vettedSupporter } from '../support/case-steps.js';
import { aJudgment, type JudgmentBody } from '../support/judgment-builder.js';
import type { TestApp } from '../support/test-app.js';
import { addAccount, userAdd } from '../sign-in/sign-in-support.js';
import { WebSession, accessibilityViolations, screenshot, startWebApp } from './web-support.js';

const PASSWORDS = {
  eva: 'ett långt lösenord för eva',
  anna: 'ett långt lösenord för anna',
  karin: 'ett långt lösenord för karin',
};
const PAGE_TIMEOUT = 120_000;

/** Test numbers from ../shared/testdata: a child born on the 15th (kept for research), and people born on no kept day. */
const BORN_15TH = '201801152396';
const CHILD = '201801012392';
const MOTHER = '199001012385';
const FATHER = '199001022384';

const ADMIN_PAGES = [
  ['/administration/enheten', 'Enheten', 'enheten'],
  ['/administration/godkannande', 'Umgängesstödjare att godkänna', 'att-godkanna'],
  ['/administration/arkivering', 'Arkivering', 'arkivering'],
  ['/administration/gallring', 'Gallring', 'gallring'],
  ['/administration/granskningslogg', 'Granskningslogg', 'granskningslogg'],
] as const;

/**
 * An administrator made with user:add runs the unit from the browser: fills in the unit's details
 * and a colleague's staff profile, approves one supporter and rejects another with a reason,
 * archives a case (after being told in Swedish why another cannot be), disposes of what is past
 * its disposal date once the list of what goes and what stays is shown and the run confirmed,
 * finds the disposal in the audit trail and sees the chain's check. A secretary and a supporter
 * get "Du har inte behörighet" on these pages and 403 from their API. Every page passes axe-core
 * and is kept as a screenshot at desktop and phone size.
 */
browserDescribe("the administrator's pages")("an administrator's pages in the web app", () => {
  let t: TestApp;
  let base: string;
  let web: WebSession;
  let page: Page;
  let disposedCase: string;
  let keptCase: string;
  let refusedCase: string;
  let archivedCase: string;
  let approved: string;
  let rejected: string;
  const judgment = (child: string): Partial<JudgmentBody> => ({
    children: [{ name: 'Alva', personnummer: child }],
    residentParent: { name: 'Maria', personnummer: MOTHER },
    visitingParent: { name: 'Johan', personnummer: FATHER },
  });
  const courtCaseNumbers: Record<string, string> = {};
  const violations: string[] = [];

  const checkAccessibility = async (where: string) => {
    violations.push(...(await accessibilityViolations(page)).map((v) => `${where}: ${v}`));
  };
  const heading = (name: string | RegExp, on = page) => on.getByRole('heading', { level: 1, name }).waitFor();
  const signIn = async (on: Page, username: keyof typeof PASSWORDS) => {
    await on.goto(`${base}/logga-in`);
    await on.getByLabel('Användarnamn').fill(username);
    await on.getByLabel('Lösenord').fill(PASSWORDS[username]);
    await on.getByRole('button', { name: 'Logga in' }).click();
  };
  /** A case that reached closing by ending early; `registered` gives its id and court case number. */
  const endedEarly = async (target: string, overrides: Partial<JudgmentBody>) => {
    const supporterId = await registerSupporter(t);
    const body = aJudgment(overrides);
    const caseId = await registerCase(t, body);
    courtCaseNumbers[caseId] = body.courtCaseNumber;
    for (const event of stepsTo(target, supporterId)) await send(t, caseId, event);
    return caseId;
  };
  const endEarly = (caseId: string) =>
    send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'Tingsrätten ändrade domen' });

  beforeAll(async () => {
    ({ t, base } = await startWebApp({ env: { RETENTION_YEARS: '1' } }));
    t.clock.setNow('2026-12-10T12:00:00+01:00');
    // Archived a year before the clock's "now" below: past their disposal date, one kept for research.
    for (const child of [CHILD, BORN_15TH]) {
      const caseId = await endedEarly('initiated', judgment(child));
      await endEarly(caseId);
      await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: '2026-12-10T10:00:00+01:00' });
      if (child === CHILD) disposedCase = caseId;
      else keptCase = caseId;
    }
    // Handed over for archiving: one whose held visit lacks its report, one that never started.
    refusedCase = await endedEarly('activeVisits', {});
    await send(t, refusedCase, {
      type: 'LOG_VISIT',
      occurredAt: '2026-11-25T10:00:00+01:00',
      durationMinutes: 60,
      outcome: 'completed',
    });
    await endEarly(refusedCase);
    await send(t, refusedCase, { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-12-10T10:00:00+01:00' });
    archivedCase = await endedEarly('initiated', {});
    await endEarly(archivedCase);
    t.clock.setNow('2028-01-10T12:00:00+01:00');
    approved = await vettedSupporter(t, 'Sara Nilsson');
    rejected = await vettedSupporter(t, 'Per Holm');
    const karin = await registerSupporter(t, 'Karin Lund');
    // The administrator is made as the README says (user:add); the colleagues the same way, in this process.
    const added = await userAdd(
      t.config,
      ['--username', 'eva', '--role', 'administrator', '--name', 'Eva Ek', '--password-stdin'],
      PASSWORDS.eva,
    );
    expect(added.code).toBe(0);
    await addAccount(t, { username: 'anna', role: 'secretary', name: 'Anna Berg', password: PASSWORDS.anna });
    await addAccount(t, {
      username: 'karin',
      role: 'supporter',
      name: 'Karin Lund',
      supporterId: karin,
      password: PASSWORDS.karin,
    });
    web = await WebSession.open(undefined, t.clock.now());
    page = await web.newPage();
  }, 240_000);

  afterAll(async () => {
    await web?.close();
    await t?.close();
  }, PAGE_TIMEOUT);

  it(
    'signs the administrator in to the unit’s page, with the administrator’s menu',
    async () => {
      await signIn(page, 'eva');
      await heading('Enheten');
      const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
      await expect(menu.getByRole('link').allInnerTexts()).resolves.toEqual([
        'Enheten',
        'Att godkänna',
        'Arkivering',
        'Gallring',
        'Granskningslogg',
        'Umgängesstödjare',
      ]);
      const tools = page.getByRole('navigation', { name: 'Verktyg' });
      await expect(
        tools.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ).resolves.toEqual(['/statistics/page', '/admin/queues', '/metrics']);
    },
    PAGE_TIMEOUT,
  );

  it(
    "fills in the unit's details and a colleague's staff profile",
    async () => {
      const unit = page.locator('#unit');
      await unit.getByLabel('Kommun', { exact: true }).fill('Uppsala kommun');
      await unit.getByLabel('Nämnd', { exact: true }).fill('Socialnämnden');
      await unit.getByLabel('Enhetens namn').fill('Familjerätten');
      await unit.getByLabel('Postadress').fill('Box 1234\n751 23 Uppsala');
      await unit.getByLabel('Telefon', { exact: true }).fill('ring oss');
      await unit.getByLabel('E-post', { exact: true }).fill('familjeratten@kommun.se');
      await unit.getByLabel('Telefontider').fill('måndag–fredag kl. 9.00–10.00');
      await page.getByRole('button', { name: 'Spara enhetens uppgifter' }).click();
      await page.getByRole('alert').filter({ hasText: 'Ange telefonnumret med siffror' }).waitFor();
      await checkAccessibility('Enheten, fel telefonnummer');
      await unit.getByLabel('Telefon', { exact: true }).fill('018-727 00 00');
      await page.getByRole('button', { name: 'Spara enhetens uppgifter' }).click();
      await page.getByText('Enhetens uppgifter är sparade.').waitFor();
      expect((await t.http.get('/unit').expect(200)).body).toMatchObject({ phone: '018-727 00 00' });

      await page.getByRole('button', { name: 'Lägg till en personalprofil' }).click();
      const profile = page.locator('#profile-new');
      await profile.getByLabel('Användarnamn').fill('anna');
      await profile.getByLabel('Namn', { exact: true }).fill('Anna Berg');
      await profile.getByLabel('Titel', { exact: true }).fill('Familjerättssekreterare');
      await profile.getByLabel('Telefon', { exact: true }).fill('018-727 00 01');
      await profile.getByLabel('E-post', { exact: true }).fill('anna.berg@kommun.se');
      await checkAccessibility('Enheten, ny profil');
      await page.getByRole('button', { name: 'Spara profilen' }).click();
      await page.getByText('Profilen för Anna Berg är sparad.').waitFor();
      await page.getByRole('heading', { level: 3, name: 'Anna Berg' }).waitFor();
      expect((await t.http.get('/staff').expect(200)).body.items).toEqual([
        expect.objectContaining({ subject: 'anna', name: 'Anna Berg', phone: '018-727 00 01' }),
      ]);
      await checkAccessibility('Enheten');
      await screenshot(page, 'admin-01-enheten');
    },
    PAGE_TIMEOUT,
  );

  it(
    'approves one waiting supporter and rejects another with a reason',
    async () => {
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Att godkänna' }).click();
      await heading('Umgängesstödjare att godkänna');
      await page.getByRole('heading', { level: 2, name: 'Per Holm' }).waitFor();
      await checkAccessibility('Att godkänna');
      await screenshot(page, 'admin-02-att-godkanna');
      const per = page.locator(`#decision-${rejected}`);
      await per.getByLabel('Avslå').check();
      await per.getByRole('button', { name: 'Spara beslutet' }).click();
      await page.getByRole('alert').filter({ hasText: 'Ange skälet till avslaget.' }).waitFor();
      await per.getByLabel('Skäl (krävs vid avslag)').fill('Referenserna räckte inte för uppdraget.');
      await per.getByRole('button', { name: 'Spara beslutet' }).click();
      await page.getByText('Per Holm är avslagen.').waitFor();
      const sara = page.locator(`#decision-${approved}`);
      await sara.getByLabel('Godkänn').check();
      await sara.getByRole('button', { name: 'Spara beslutet' }).click();
      await page.getByText('Sara Nilsson är godkänd.').waitFor();
      await page.getByText('Ingen umgängesstödjare väntar på beslut.').waitFor();
      expect((await t.http.get(`/supporters/${approved}`).expect(200)).body.status).toBe('approved');
      expect((await t.http.get(`/supporters/${rejected}`).expect(200)).body.decision).toMatchObject({
        status: 'rejected',
        reason: 'Referenserna räckte inte för uppdraget.',
      });
    },
    PAGE_TIMEOUT,
  );

  it(
    'says in Swedish why a case cannot be archived, and archives another with one confirmed action',
    async () => {
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Arkivering' }).click();
      await heading('Arkivering');
      await page.getByRole('heading', { level: 2, name: `Ärende ${courtCaseNumbers[refusedCase]}` }).waitFor();
      await checkAccessibility('Arkivering');
      await screenshot(page, 'admin-03-arkivering');
      await page.getByRole('button', { name: `Arkivera ärende ${courtCaseNumbers[refusedCase]}` }).click();
      await page.getByRole('button', { name: 'Arkivera ärendet' }).click();
      await page.getByRole('alert').filter({ hasText: 'Rapport saknas för ett umgängestillfälle.' }).waitFor();
      await checkAccessibility('Arkivering, vägrad');
      await screenshot(page, 'admin-04-arkivering-rapport-saknas');
      expect((await t.http.get(`/cases/${refusedCase}`).expect(200)).body.state).toBe('closing');
      await page.getByRole('button', { name: 'Avbryt' }).click();

      await page.getByRole('button', { name: `Arkivera ärende ${courtCaseNumbers[archivedCase]}` }).click();
      await page.getByRole('button', { name: 'Arkivera ärendet' }).click();
      await page.getByText(`Ärende ${courtCaseNumbers[archivedCase]} är arkiverat.`).waitFor();
      expect((await t.http.get(`/cases/${archivedCase}`).expect(200)).body.state).toBe('archived');
      await page
        .getByRole('heading', { level: 2, name: `Ärende ${courtCaseNumbers[archivedCase]}` })
        .waitFor({ state: 'detached' });
    },
    PAGE_TIMEOUT,
  );

  it(
    'shows what disposal removes and what stays and why, then disposes after confirmation and shows its audit entry',
    async () => {
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Gallring' }).click();
      await heading('Gallring');
      await page.getByRole('heading', { level: 2, name: 'Gallras (1)' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Sparas (1)' }).waitFor();
      await page.getByText(disposedCase.slice(0, 8), { exact: true }).waitFor();
      await page.getByRole('heading', { level: 3, name: `Ärende ${keptCase.slice(0, 8)}` }).waitFor();
      await page.getByText('Sparas för forskning').waitFor();
      await checkAccessibility('Gallring, torrkörning');
      await screenshot(page, 'admin-05-gallring');
      await page.getByRole('button', { name: 'Gallra …' }).click();
      await checkAccessibility('Gallring, bekräfta');
      // Nothing goes before the confirmation.
      await t.http.get(`/cases/${disposedCase}`).expect(200);
      await page.getByRole('button', { name: 'Gallra 1 ärende' }).click();
      await page.getByRole('heading', { level: 2, name: 'Gallringen är gjord' }).waitFor();
      await page.getByRole('cell', { name: /Gallring av ärendets akt/ }).waitFor();
      await checkAccessibility('Gallring, gjord');
      await screenshot(page, 'admin-06-gallring-gjord');
      await t.http.get(`/cases/${disposedCase}`).expect(404);
      await t.http.get(`/cases/${keptCase}`).expect(200);
    },
    PAGE_TIMEOUT,
  );

  it(
    'finds the disposal in the audit trail by case and by person, with the chain verified',
    async () => {
      await page.getByRole('link', { name: `Hela granskningsloggen för ärende ${disposedCase.slice(0, 8)}` }).click();
      await heading('Granskningslogg');
      expect(new URL(page.url()).search).toBe(`?arende=${disposedCase}`);
      await expect(page.getByLabel('Ärende', { exact: true }).inputValue()).resolves.toBe(disposedCase);
      await page.getByRole('cell', { name: /Gallring av ärendets akt/ }).waitFor();
      await page.getByText(/Kedjan är obruten: alla \d+ poster stämmer/).waitFor();
      await checkAccessibility('Granskningslogg, ärende');
      await screenshot(page, 'admin-07-granskningslogg');

      await page.getByLabel('Ärende', { exact: true }).fill('');
      await page.getByLabel('Person', { exact: true }).fill('eva');
      await page.getByLabel('Från och med').fill('2028-01-10');
      await page.getByLabel('Till och med').fill('2028-01-10');
      await page.getByRole('button', { name: 'Sök' }).click();
      await page.waitForURL(/person=eva/);
      await page.getByRole('cell', { name: /Gallring av ärendets akt/ }).waitFor();
      await page.getByLabel('Till och med').fill('2028-01-09');
      await page.getByRole('button', { name: 'Sök' }).click();
      await page.getByRole('alert').filter({ hasText: 'Sista dagen kan inte ligga före första dagen.' }).waitFor();
      await checkAccessibility('Granskningslogg, fel datum');
    },
    PAGE_TIMEOUT,
  );

  it(
    'keeps every administrator page usable on a 390 × 844 phone',
    async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [path, title, name] of ADMIN_PAGES) {
        await page.goto(`${base}${path}`);
        await heading(title);
        await page.locator('.loading').first().waitFor({ state: 'detached' });
        await checkAccessibility(`${title} (telefon)`);
        await screenshot(page, `admin-telefon-${name}`);
        // The page is no wider than the screen; only what scrolls inside its own box (a wide table) reaches past it.
        const beyond = await page.evaluate(() => [
          ...(document.documentElement.scrollWidth > window.innerWidth
            ? [`page ${document.documentElement.scrollWidth} px wide`]
            : []),
          ...Array.from(document.querySelectorAll('body *'))
            .filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
        ]);
        expect({ path, beyond }).toEqual({ path, beyond: [] });
      }
    },
    PAGE_TIMEOUT,
  );

  it(
    'tells a secretary and a supporter these pages are not theirs, and the API refuses them',
    async () => {
      for (const username of ['anna', 'karin'] as const) {
        const other = await WebSession.open(undefined, t.clock.now());
        try {
          const theirs = await other.newPage();
          await signIn(theirs, username);
          await theirs.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
          await expect(
            theirs.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Gallring' }).count(),
          ).resolves.toBe(0);
          for (const [path] of ADMIN_PAGES) {
            await theirs.goto(`${base}${path}`);
            await heading('Du har inte behörighet', theirs);
          }
          for (const path of ['/disposals/due', '/audit', '/audit/verification']) {
            expect({ username, path, status: (await theirs.request.get(`${base}${path}`)).status() }).toEqual({
              username,
              path,
              status: 403,
            });
          }
          if (username === 'anna') await screenshot(theirs, 'admin-08-ingen-behorighet');
        } finally {
          await other.close();
        }
      }
    },
    PAGE_TIMEOUT,
  );

  it('has no accessibility violations and no problems on any page', () => {
    expect(violations).toEqual([]);
    expect(web.problems).toEqual([]);
    expect(web.outside).toEqual([]);
  });
});
