import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { RedirectFollowingBrowser, type Visit } from './redirect-following-browser.js';
import { TestIdentityProvider } from './test-identity-provider.js';

const SUPPORTER_ID = '3f2b8c1e-9d4a-4c61-8f0e-2a7b5d9c1e43';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('signing in through the municipality’s OpenID Connect provider', () => {
  let t: TestApp;
  let idp: TestIdentityProvider;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await TestIdentityProvider.start(`${base}/auth/oidc/callback`, {
      'anna-sub': { name: 'Anna Berg', groups: ['fam-handlaggare', 'ekonomi'] },
      'karin-sub': { name: 'Karin Ek', groups: ['fam-stodperson'], supporterId: SUPPORTER_ID },
      'olle-sub': { name: 'Olle Utan Roll', groups: ['ekonomi'] },
    });
    t = await startTestApp({
      env: {
        PUBLIC_BASE_URL: base,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: TestIdentityProvider.CLIENT_ID,
        OIDC_CLIENT_SECRET: TestIdentityProvider.CLIENT_SECRET,
        OIDC_ROLE_CLAIM: 'groups',
        OIDC_ROLE_MAP: 'fam-handlaggare=secretary,fam-stodperson=supporter,fam-chef=administrator',
      },
    });
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(port, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  async function signedInBrowser(account: string): Promise<{ browser: RedirectFollowingBrowser } & Visit> {
    idp.signInAs(account);
    const browser = new RedirectFollowingBrowser();
    return { browser, ...(await browser.visit(`${base}/auth/oidc/login`)) };
  }

  async function sessionOf(browser: RedirectFollowingBrowser): Promise<Response> {
    const url = new URL(`${base}/auth/session`);
    return fetch(url, { headers: { cookie: browser.cookieHeaderFor(url) } });
  }

  it('tells the web app to offer the provider, and refuses passwords meanwhile', async () => {
    await t.anonymous.get('/auth/config').expect(200, { oidc: true });
    const refused = await t.anonymous.post('/auth/login').send({ username: 'anna', password: 'ett långt lösenord' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe(
      'Inloggning med lösenord är avstängd här: logga in via kommunens inloggningstjänst.',
    );
  });

  it('signs a secretary in through the real redirects, with the role from the claim', async () => {
    const { browser, trail } = await signedInBrowser('anna-sub');
    expect(trail[0]).toBe(`${base}/auth/oidc/login`);
    expect(trail[1]).toMatch(new RegExp(`^${idp.issuer}/auth\\?`));
    const authorize = new URL(trail[1]);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('nonce')).toMatch(/.{20,}/);
    expect(trail.at(-2)).toMatch(new RegExp(`^${base}/auth/oidc/callback\\?code=`));
    expect(trail.at(-1)).toBe(`${base}/`);

    const session = await sessionOf(browser);
    expect(session.status).toBe(200);
    const body = (await session.json()) as { user: unknown; csrfToken: string };
    expect(body.user).toEqual({ username: 'anna-sub', name: 'Anna Berg', role: 'secretary', roles: ['secretary'] });
    // The session acts as the secretary the provider named, with the secretary's rules.
    const cookie = browser.cookieHeaderFor(new URL(`${base}/cases`));
    await t.anonymous.get('/cases').set('Cookie', cookie).expect(200);
    await t.anonymous.get('/audit').set('Cookie', cookie).expect(403);
    await t.anonymous.post('/staff/me/calendar-token').set('Cookie', cookie).expect(403);
    await t.anonymous
      .post('/staff/me/calendar-token')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', body.csrfToken)
      .expect(201);

    const trailEntries = await t.as('administrator').get('/audit').query({ userId: 'anna-sub' }).expect(200);
    expect(trailEntries.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: 'GET /auth/oidc/callback', status: 302, allowed: true }),
      ]),
    );
  });

  it('gives a supporter the supporter role and their supporter id from the claims', async () => {
    const { browser } = await signedInBrowser('karin-sub');
    const session = await sessionOf(browser);
    expect(await session.json()).toMatchObject({
      user: { username: 'karin-sub', name: 'Karin Ek', role: 'supporter', supporterId: SUPPORTER_ID },
    });
  });

  it('signs nobody in whom the provider grants none of the service’s roles', async () => {
    const { browser, trail, status } = await signedInBrowser('olle-sub');
    expect(trail.at(-1)).toMatch(/\/auth\/oidc\/callback\?code=/);
    expect(status).toBe(401);
    const refusals = await t.as('administrator').get('/audit').expect(200);
    expect(refusals.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: 'GET /auth/oidc/callback', status: 401, allowed: false }),
      ]),
    );
    expect((await sessionOf(browser)).status).toBe(401);
  });

  it('refuses a return from the provider that another browser began', async () => {
    idp.signInAs('anna-sub');
    const victim = new RedirectFollowingBrowser();
    // The attacker begins a sign-in and stops before the service's callback…
    const attacker = await new RedirectFollowingBrowser().visit(
      `${base}/auth/oidc/login`,
      (url) => url.pathname === '/auth/oidc/callback',
    );
    const next = new URL(attacker.trail.at(-1)!);
    expect(next.pathname).toBe('/auth/oidc/callback');
    // …and hands the callback address to the victim, whose browser holds no state for it.
    const visit = await victim.visit(next.href);
    expect(visit.status).toBe(401);
    expect(JSON.parse(visit.body).message).toBe(
      'Inloggningen via kommunens inloggningstjänst misslyckades. Försök igen.',
    );
    expect((await sessionOf(victim)).status).toBe(401);
  });
});
