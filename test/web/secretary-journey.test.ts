import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { eventually } from '../deadlines/deadline-support.js';
import { browserDescribe } from '../support/browser.js';
import { registerSupporter } from '../support/case-steps.js';
import type { TestApp } from '../support/test-app.js';
import { aChildPersonnummer, aParentPersonnummer } from '../support/test-people.js';
import { userAdd } from '../sign-in/sign-in-support.js';
import { WebSession, accessibilityViolations, screenshot, startWebApp, swedishDayFromToday } from './web-support.js';

const PASSWORD = 'ett långt lösenord för anna';
/** A browser and the service share two cores with other work: a page's steps take seconds, not milliseconds. */
const PAGE_TIMEOUT = 120_000;

/**
 * A secretary made with user:add does a case's whole routine in the browser: signs in, registers
 * the judgment through the form, sees its deadline on "Att göra", takes the case through every
 * step to the archive (each step previewed before it is confirmed), is told plainly when the case
 * changed in another tab, and signs out, after which the old cookie opens nothing. Every page and
 * every open form passes axe-core, every page is kept as a screenshot, and no request leaves 127.0.0.1.
 */
browserDescribe("the secretary's web app")("a secretary's day in the web app", () => {
  let t: TestApp;
  let base: string;
  let web: WebSession;
  let page: Page;
  let caseUrl: string;
  const courtCaseNumber = `T ${4000 + Math.floor(Math.random() * 5000)}-26`;
  const violations: string[] = [];

  const checkAccessibility = async (where: string) => {
    violations.push(...(await accessibilityViolations(page)).map((v) => `${where}: ${v}`));
  };
  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  const within = (group: string) => page.getByRole('group', { name: group, exact: true });
  /** Waits for what a form should lead to; a refusal shown instead fails at once, saying what it says. */
  const succeeds = (outcome: ReturnType<Page['getByRole']>) =>
    Promise.race([
      outcome.waitFor(),
      page
        .getByRole('alert')
        .filter({ hasText: 'Det finns ett problem' })
        .waitFor()
        .then(async () => {
          throw new Error(
            `refused: ${await page.getByRole('alert').filter({ hasText: 'Det finns ett problem' }).innerText()}`,
          );
        }),
    ]);

  beforeAll(async () => {
    ({ t, base } = await startWebApp({ env: { RECONCILE_EVERY_SECONDS: '1' } }));
    await registerSupporter(t, 'Karin Lund');
    const added = await userAdd(
      t.config,
      ['--username', 'anna', '--role', 'secretary', '--name', 'Anna Berg', '--password-stdin'],
      PASSWORD,
    );
    expect(added.code).toBe(0);
    // Letters are signed with the responsible secretary's profile and the unit's details.
    await t
      .as('secretary', { sub: 'anna' })
      .put('/staff/me')
      .send({
        name: 'Anna Berg',
        title: 'Familjerättssekreterare',
        phone: '018-727 00 00',
        email: 'anna.berg@kommun.se',
      })
      .expect(200);
    await t
      .as('administrator')
      .put('/unit')
      .send({
        municipality: 'Uppsala kommun',
        committee: 'Socialnämnden',
        unitName: 'Familjerätten',
        postalAddress: 'Box 1234\n751 23 Uppsala',
        phone: '018-727 00 00',
        email: 'familjeratten@kommun.se',
        phoneHours: 'måndag–fredag kl. 9.00–10.00',
      })
      .expect(200);
    web = await WebSession.open();
    page = await web.newPage();
  }, 120_000);

  afterAll(async () => {
    await web?.close();
    await t?.close();
  }, PAGE_TIMEOUT);

  it(
    'asks who you are first, and lets a secretary made with user:add sign in',
    async () => {
      await page.goto(`${base}/`);
      await heading('Logga in');
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      await checkAccessibility('Logga in');
      await screenshot(page, '01-logga-in');
      await page.getByLabel('Användarnamn').fill('anna');
      await page.getByLabel('Lösenord').fill('fel lösenord för anna');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Användarnamnet eller lösenordet stämmer inte' }).waitFor();
      await checkAccessibility('Logga in, fel lösenord');
      await page.getByLabel('Lösenord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await heading('Att göra');
      await expect(page.getByText('Anna Berg').first().isVisible()).resolves.toBe(true);
    },
    PAGE_TIMEOUT,
  );

  it(
    'registers a judgment through the form, each mistake shown at its field first',
    async () => {
      await page.getByRole('link', { name: 'Registrera dom' }).click();
      await heading('Registrera dom');
      await checkAccessibility('Registrera dom');
      await page.getByRole('button', { name: 'Registrera dom' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Det finns ett problem' });
      await summary.waitFor();
      await expect(
        summary.getByRole('link', { name: 'Ange vilken tingsrätt som meddelat domen.' }).count(),
      ).resolves.toBe(1);
      await expect(page.getByLabel('Tingsrätt', { exact: true }).getAttribute('aria-describedby')).resolves.toContain(
        'court-error',
      );
      await page.getByLabel('Målnummer', { exact: true }).fill('1234/26');
      await page.getByRole('button', { name: 'Registrera dom' }).click();
      await page.getByText('Ange målnumret som T 1234-26', { exact: false }).first().waitFor();
      await checkAccessibility('Registrera dom med fel');
      await screenshot(page, '02-registrera-dom-fel');

      await page.getByLabel('Tingsrätt', { exact: true }).fill('Uppsala tingsrätt');
      await page.getByLabel('Målnummer', { exact: true }).fill(courtCaseNumber);
      await page.getByLabel('Domens datum').fill(swedishDayFromToday(-3));
      await page.getByLabel('Tingsrätten har begärt en utvärdering efter perioden').check();
      await page.getByLabel('Periodens första dag').fill(swedishDayFromToday(0));
      await page.getByLabel('Periodens sista dag (frivilligt)').fill(swedishDayFromToday(180));
      await within('Barnet').getByLabel('Namn').fill('Alva Lindqvist');
      await within('Barnet').getByLabel('Personnummer').fill(aChildPersonnummer());
      await within('Boendeförälder').getByLabel('Namn').fill('Maria Lindqvist');
      await within('Boendeförälder').getByLabel('Personnummer').fill(aParentPersonnummer());
      await within('Boendeförälder').getByLabel('Skyddade personuppgifter').selectOption('skyddadFolkbokforing');
      await within('Umgängesförälder').getByLabel('Namn').fill('Johan Ek');
      await within('Umgängesförälder').getByLabel('Personnummer').fill(aParentPersonnummer());
      await within('Umgängesförälder').getByText('Postadress (frivillig)').click();
      await within('Umgängesförälder').getByLabel('Gatuadress').fill('Storgatan 1 B');
      await within('Umgängesförälder').getByLabel('Postnummer').fill('753 20');
      await within('Umgängesförälder').getByLabel('Ort').fill('Uppsala');
      await checkAccessibility('Registrera dom, ifylld');
      await page.getByRole('button', { name: 'Registrera dom' }).click();
      await heading(`Uppsala tingsrätt, mål ${courtCaseNumber}`);
      caseUrl = page.url();
      expect(new URL(caseUrl).pathname).toMatch(/^\/arenden\/[0-9a-f-]{36}$/);
      await page.getByRole('note').filter({ hasText: 'Skyddade personuppgifter' }).waitFor();
      await expect(page.getByText('Inkommen', { exact: true }).count()).resolves.toBeGreaterThan(0);
      await checkAccessibility('Ärendet, inkommet');
      await screenshot(page, '03-arende-inkommet');
    },
    PAGE_TIMEOUT,
  );

  it(
    'offers the case already open for the same court case, and registers another only when asked',
    async () => {
      await page.getByRole('link', { name: 'Registrera dom' }).click();
      await heading('Registrera dom');
      await page.getByLabel('Tingsrätt', { exact: true }).fill('Uppsala tingsrätt');
      await page.getByLabel('Målnummer', { exact: true }).fill(courtCaseNumber);
      await page.getByLabel('Domens datum').fill(swedishDayFromToday(-3));
      await page.getByLabel('Periodens första dag').fill(swedishDayFromToday(0));
      await within('Barnet').getByLabel('Namn').fill('Alva Lindqvist');
      await within('Barnet').getByLabel('Personnummer').fill(aChildPersonnummer());
      await within('Boendeförälder').getByLabel('Namn').fill('Maria Lindqvist');
      await within('Boendeförälder').getByLabel('Personnummer').fill(aParentPersonnummer());
      await within('Umgängesförälder').getByLabel('Namn').fill('Johan Ek');
      await within('Umgängesförälder').getByLabel('Personnummer').fill(aParentPersonnummer());
      await page.getByRole('button', { name: 'Registrera dom' }).click();
      const duplicate = page.getByRole('alert').filter({ hasText: 'Det finns redan ett öppet ärende för samma mål' });
      await duplicate.waitFor();
      await expect(duplicate.getByRole('button', { name: 'Registrera ändå' }).count()).resolves.toBe(1);
      await checkAccessibility('Registrera dom, dubblett');
      await screenshot(page, '04-registrera-dom-dubblett');
      await duplicate.getByRole('link', { name: 'Öppna det befintliga ärendet' }).click();
      await heading(`Uppsala tingsrätt, mål ${courtCaseNumber}`);
      expect(page.url()).toBe(caseUrl);
    },
    PAGE_TIMEOUT,
  );

  it(
    'shows the new case’s deadline on "Att göra", and finds the case with "Sök"',
    async () => {
      await page.getByRole('link', { name: 'Att göra' }).click();
      await heading('Att göra');
      const deadlines = page.getByRole('table', { name: 'Försenade och kommande tidsfrister, den närmaste först' });
      const row = deadlines.getByRole('row').filter({ hasText: 'Umgängesstödjare ska ha utsetts' });
      await row.getByRole('link', { name: `Uppsala tingsrätt, mål ${courtCaseNumber}` }).waitFor();
      await checkAccessibility('Att göra');
      await page.getByRole('searchbox', { name: 'Sök' }).fill('lindqvist');
      await page.getByRole('button', { name: 'Sök', exact: true }).click();
      await page
        .getByRole('table', { name: 'Sökträffar' })
        .getByRole('link', { name: `Uppsala tingsrätt, mål ${courtCaseNumber}` })
        .waitFor();
      await checkAccessibility('Att göra, sökträffar');
      await screenshot(page, '05-att-gora');
    },
    PAGE_TIMEOUT,
  );

  /** Chooses a step, fills its form, looks at the preview, confirms, and waits for the case to say it happened. */
  async function step(
    action: string,
    done: string,
    fill: () => Promise<void> = () => Promise.resolve(),
    shot?: string,
  ) {
    await page.getByRole('button', { name: action, exact: true }).click();
    await page.getByRole('heading', { level: 3, name: action }).waitFor();
    await fill();
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await succeeds(page.getByRole('heading', { name: 'Så här blir det om du bekräftar' }));
    await checkAccessibility(`Nästa steg: ${action}`);
    if (shot) await screenshot(page, shot);
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await succeeds(page.getByRole('status').filter({ hasText: done }));
  }

  async function caseState(): Promise<string> {
    return (
      await t
        .as('secretary', { sub: 'anna' })
        .get(new URL(caseUrl).pathname.replace('/arenden/', '/cases/'))
        .expect(200)
    ).body.state;
  }

  it(
    'takes the case through every step to the archive, each one previewed before it is confirmed',
    async () => {
      await page.goto(caseUrl);
      await heading(`Uppsala tingsrätt, mål ${courtCaseNumber}`);
      await step(
        'Initiera ärendet',
        'Ärendet initierat',
        () => page.getByLabel('Diarienummer (frivilligt)').fill('SN 2026/0815'),
        '06-forhandsgranskning',
      );
      await step('Utse umgängesstödjare', 'Umgängesstödjare utsedd', async () => {
        await page
          .getByRole('combobox', { name: 'Umgängesstödjare', exact: true })
          .selectOption({ label: 'Karin Lund' });
        // Recorded afterwards, as secretaries often do: decided two days ago, the day after the judgment.
        await page.getByLabel('Datum', { exact: true }).fill(swedishDayFromToday(-2));
        await page.getByLabel('Klockslag').fill('10.00');
      });

      // The decision appointing the supporter, written as a PDF and opened from the case.
      await page.getByLabel('Brev', { exact: true }).selectOption('supporterDecision');
      await page.getByRole('button', { name: 'Skapa brev' }).click();
      await succeeds(page.getByRole('status').filter({ hasText: /Brevet är skapat|brev är skapade/ }));
      const letter = page.getByRole('link', { name: /Beslut/ }).first();
      const pdf = await page.evaluate(
        async (href) => {
          const answer = await fetch(href!);
          return {
            status: answer.status,
            type: answer.headers.get('content-type'),
            start: (await answer.text()).slice(0, 5),
          };
        },
        await letter.getAttribute('href'),
      );
      expect(pdf).toEqual({ status: 200, type: 'application/pdf', start: '%PDF-' });

      await step(
        'Skicka kallelse',
        'Kallelse skickad',
        async () => {
          // The mother's whereabouts are protected: each parent has a meeting of their own, yesterday morning.
          await page.getByText('föräldrarna kallas till var sitt möte').waitFor();
          for (const [group, time] of [
            ['När boendeförälderns möte hålls', '08.00'],
            ['När umgängesförälderns möte hålls', '09.30'],
          ]) {
            await page.getByRole('group', { name: group }).getByLabel('Datum').fill(swedishDayFromToday(-1));
            await page.getByRole('group', { name: group }).getByLabel('Klockslag').fill(time);
          }
          await page.getByLabel('Plats (frivilligt)').fill('Familjerätten, Stationsgatan 8');
          // Sent the day of the decision.
          await page.getByLabel('Dagen kallelsen skickades').fill(swedishDayFromToday(-2));
        },
        '06-kallelse-var-sitt-mote',
      );
      for (const [meeting, time] of [
        ['Boendeförälderns möte', '08.30'],
        ['Umgängesförälderns möte', '10.00'],
      ]) {
        await step('Registrera uppstartsmöte', 'Uppstartsmöte hållet', async () => {
          await page.getByLabel(meeting).check();
          await page.getByLabel('Datum', { exact: true }).fill(swedishDayFromToday(-1));
          await page.getByLabel('Klockslag').fill(time);
          await page.getByLabel('Inskrivningsblanketten är ifylld och undertecknad').check();
          await page.getByLabel('Föräldrarna har tagit del av reglerna').check();
        });
      }
      await step('Starta umgänget', 'Umgänget har startat');
      await step(
        'Registrera umgängestillfälle',
        'Umgängestillfälle registrerat',
        async () => {
          await page.getByLabel('Avbrutet').check();
          await page.getByLabel('Barnet mådde inte bra').check();
          await page.getByLabel('Längd i minuter').fill('45');
        },
        '07-umgangestillfalle',
      );
      expect(await caseState()).toBe('activeVisits');
      // The supporter has left and the stopped visit's report will never come: the secretary records why.
      const visits = page.getByRole('region', { name: 'Umgängestillfällen och rapporter' });
      await visits.getByText('Rapporten kommer inte').click();
      await visits
        .getByLabel('Varför kommer rapporten aldrig?')
        .fill('Umgängesstödjaren har slutat och rapporten går inte att få in.');
      await visits.getByRole('button', { name: 'Spara' }).click();
      await succeeds(visits.getByText('Kommer inte (skälet står under Händelser)'));
      await checkAccessibility('Rapporten kommer inte');

      // Half way through the period the follow-up falls due: the deadline moves the case by itself.
      const view = (
        await t
          .as('secretary', { sub: 'anna' })
          .get(new URL(caseUrl).pathname.replace('/arenden/', '/cases/'))
          .expect(200)
      ).body;
      const midpoint = view.deadlines.find((d: { kind: string }) => d.kind === 'midpoint').dueAt as string;
      const later = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
        new Date(Date.parse(midpoint) + 2 * 86_400_000),
      );
      // Step 9 of the routine: the follow-up is booked now, a meeting per parent, and the summons goes today.
      await step(
        'Boka möte och skicka kallelse',
        'Möte bokat, kallelse skickad',
        async () => {
          await page.getByLabel('Uppföljning vid halvtid').check();
          for (const [group, time] of [
            ['När boendeförälderns möte hålls', '10.00'],
            ['När umgängesförälderns möte hålls', '11.00'],
          ]) {
            await page.getByRole('group', { name: group }).getByLabel('Datum').fill(later);
            await page.getByRole('group', { name: group }).getByLabel('Klockslag').fill(time);
          }
        },
        '07b-boka-uppfoljning',
      );
      t.clock.setNow(`${later}T15:00:00+01:00`);
      await eventually(async () => expect(await caseState()).toBe('midpointFollowUp'), 20_000);
      // Months later by the service's clock, the session has long ended: the secretary signs in again and comes back to the case.
      await page.reload();
      await heading('Logga in');
      await page.getByLabel('Användarnamn').fill('anna');
      await page.getByLabel('Lösenord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await heading(`Uppsala tingsrätt, mål ${courtCaseNumber}`);
      await page.getByText('Halvtidsuppföljning', { exact: true }).first().waitFor();
      const onLater = async () => {
        await page.getByLabel('Datum', { exact: true }).fill(later);
        await page.getByLabel('Klockslag').fill('10.00');
      };
      await step('Registrera halvtidsuppföljning', 'Halvtidsuppföljning hållen', async () => {
        await onLater();
        await page
          .getByLabel('Deltagare (frivilligt)')
          .fill('Maria Lindqvist\nJohan Ek\nKarin Lund (umgängesstödjare)');
      });
      await step('Avsluta i förtid', 'Insatsen avslutad i förtid', async () => {
        await page.getByLabel('Föräldrarna är överens om umgänge utan stöd').check();
        await page.getByLabel('Dagen insatsen upphörde').fill(later);
        await page.getByLabel('Beskriv skälet').fill('Föräldrarna klarar umgänget utan stöd.');
      });
      await step('Registrera avslutningsmöte', 'Avslutningsmöte hållet', onLater);
      await step('Skicka utvärdering till tingsrätten', 'Utvärdering skickad', onLater);
      await step('Arkivera', 'Ärendet arkiverat', onLater);
      await page.getByText('Ärendet är arkiverat. Inget mer ska göras.').waitFor();
      expect(await caseState()).toBe('archived');
      const history = page.getByRole('region', { name: 'Händelser' });
      for (const text of ['Domen registrerad', 'Ärendet initierat', 'Halvtid nådd', 'Ärendet arkiverat']) {
        await expect(history.getByText(text, { exact: true }).count()).resolves.toBe(1);
      }
      await checkAccessibility('Ärendet, arkiverat');
      await screenshot(page, '08-arende-arkiverat');
    },
    5 * PAGE_TIMEOUT,
  );

  it(
    'says plainly that the case changed in another tab, and shows it as it is now',
    async () => {
      await page.getByRole('link', { name: 'Registrera dom' }).click();
      await page.getByLabel('Tingsrätt', { exact: true }).fill('Uppsala tingsrätt');
      await page.getByLabel('Målnummer', { exact: true }).fill(`T ${Number(courtCaseNumber.slice(2, 6)) + 1}-26`);
      await page.getByLabel('Domens datum').fill(swedishDayFromToday(-1));
      await page.getByLabel('Periodens första dag').fill(swedishDayFromToday(0));
      await within('Barnet').getByLabel('Namn').fill('Elsa Berg');
      await within('Barnet').getByLabel('Personnummer').fill(aChildPersonnummer());
      await within('Boendeförälder').getByLabel('Namn').fill('Sara Berg');
      await within('Boendeförälder').getByLabel('Personnummer').fill(aParentPersonnummer());
      await within('Umgängesförälder').getByLabel('Namn').fill('Erik Berg');
      await within('Umgängesförälder').getByLabel('Personnummer').fill(aParentPersonnummer());
      await page.getByRole('button', { name: 'Registrera dom' }).click();
      await heading(/Elsa|mål T/);
      const url = page.url();

      await page.getByRole('button', { name: 'Initiera ärendet', exact: true }).click();
      await page.getByLabel('Diarienummer (frivilligt)').fill('SN 2026/0900');
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page.getByRole('heading', { name: 'Så här blir det om du bekräftar' }).waitFor();

      const other = await web.newPage();
      await other.goto(url);
      await other.getByRole('button', { name: 'Initiera ärendet', exact: true }).click();
      await other.getByLabel('Diarienummer (frivilligt)').fill('SN 2026/0901');
      await other.getByRole('button', { name: 'Förhandsgranska' }).click();
      await other.getByRole('button', { name: 'Bekräfta' }).click();
      await other.getByRole('status').filter({ hasText: 'Ärendet initierat' }).waitFor();
      await other.close();

      await page.bringToFront();
      await page.getByRole('button', { name: 'Bekräfta' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Ärendet har ändrats av någon annan sedan du öppnade det' })
        .waitFor();
      await page.getByText('SN 2026/0901').first().waitFor();
      await expect(page.getByText('Initierad', { exact: true }).count()).resolves.toBeGreaterThan(0);
      await checkAccessibility('Ärendet, ändrat i en annan flik');
      await screenshot(page, '09-andrat-i-annan-flik');
    },
    PAGE_TIMEOUT,
  );

  it(
    'shows the supporters and the alerts, each page passing axe-core',
    async () => {
      await page.getByRole('link', { name: 'Umgängesstödjare' }).click();
      await heading('Umgängesstödjare');
      await page.getByRole('button', { name: 'Karin Lund' }).click();
      await page.getByRole('heading', { name: 'Registrera ett steg i utredningen' }).waitFor();
      await expect(page.getByRole('heading', { name: 'Beslut om godkännande' }).count()).resolves.toBe(0);
      await checkAccessibility('Umgängesstödjare');
      await screenshot(page, '10-umgangesstodjare');
      await page.getByRole('button', { name: 'Registrera umgängesstödjare' }).click();
      await page.getByRole('button', { name: 'Registrera', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'Det finns ett problem' }).waitFor();
      await checkAccessibility('Umgängesstödjare, registrering med fel');

      await page.getByRole('link', { name: 'Aviseringar' }).click();
      await heading('Aviseringar');
      await checkAccessibility('Aviseringar');
      await screenshot(page, '11-aviseringar');
    },
    PAGE_TIMEOUT,
  );

  it(
    'signs out, after which the old cookie opens nothing',
    async () => {
      const cookies = await web.context.cookies(base);
      const session = cookies.find((c) => /umgangesstod-session$/.test(c.name));
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe('Strict');
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await heading('Logga in');
      const cookie = `${session!.name}=${session!.value}`;
      expect((await fetch(`${base}/auth/session`, { headers: { cookie } })).status).toBe(401);
      expect((await fetch(`${base}/cases`, { headers: { cookie } })).status).toBe(401);
    },
    PAGE_TIMEOUT,
  );

  it(
    'had no accessibility violation, no failed request or refused script, and no request beyond 127.0.0.1',
    () => {
      expect(violations).toEqual([]);
      expect(web.problems).toEqual([]);
      expect(web.requests.length).toBeGreaterThan(50);
      expect(web.outside).toEqual([]);
    },
    PAGE_TIMEOUT,
  );
});
