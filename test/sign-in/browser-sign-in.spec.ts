import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addAccount, sessionCookieFrom, userAdd } from './sign-in-support.js';

const MINUTE = 60_000;
const PASSWORD = 'korrekt häst batteri';

interface Session {
  cookie: string;
  csrfToken: string;
}

// PostgreSQL: the web app's suites sign in, fail and end sessions on SQLite (test/support/README.md).
describe.each(['postgres'] as const)('signing in with a browser (%s)', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ database, env: { SIGN_IN_MAX_FAILURES: '3', SIGN_IN_LOCK_MINUTES: '15' } });
  });
  afterAll(() => t.close());

  async function signIn(username: string, password = PASSWORD): Promise<Session> {
    const res = await t.anonymous.post('/auth/login').send({ username, password }).expect(200);
    return { cookie: sessionCookieFrom(res.headers['set-cookie']), csrfToken: res.body.csrfToken };
  }

  it('lets an account made with user:add sign in, and the session acts as that person', async () => {
    const made = await userAdd(
      t.config,
      ['--username', 'anna', '--role', 'secretary', '--name', 'Anna Berg', '--password-stdin'],
      PASSWORD,
    );
    expect(made).toMatchObject({ code: 0, stdout: 'Kontot anna (secretary) är skapat.\n' });

    const res = await t.anonymous.post('/auth/login').send({ username: 'Anna', password: PASSWORD }).expect(200);
    expect(res.body.user).toEqual({ username: 'anna', name: 'Anna Berg', role: 'secretary', roles: ['secretary'] });
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = sessionCookieFrom(res.headers['set-cookie']);

    const session = await t.anonymous.get('/auth/session').set('Cookie', cookie).expect(200);
    expect(session.body).toEqual(res.body);
    // The same actor a bearer token for anna makes: her own calendar token, her own staff profile.
    await t.anonymous
      .get('/staff/me')
      .set('Cookie', cookie)
      .expect((r) => expect([200, 404]).toContain(r.status));
    await t.anonymous.get('/cases').set('Cookie', cookie).expect(200);
    await t.anonymous.get('/audit').set('Cookie', cookie).expect(403);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, not Secure behind an http address', async () => {
    await addAccount(t, { username: 'cookie-check', name: 'Kaka', role: 'secretary', password: PASSWORD });
    const res = await t.anonymous
      .post('/auth/login')
      .send({ username: 'cookie-check', password: PASSWORD })
      .expect(200);
    const line = [res.headers['set-cookie']].flat().find((l) => l?.startsWith('umgangesstod-session='))!;
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Strict/);
    expect(line).toMatch(/; Path=\//);
    expect(line).not.toMatch(/Secure/);
    expect(line).not.toMatch(/Expires|Max-Age/);
  });

  it('refuses a sign-in another site’s page sends, so no one is signed in as someone else', async () => {
    await addAccount(t, { username: 'ivar', name: 'Ivar', role: 'secretary', password: PASSWORD });
    const res = await t.anonymous
      .post('/auth/login')
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ username: 'ivar', password: PASSWORD })
      .expect(403);
    expect(res.body.message).toBe('Inloggningen måste göras från tjänstens egen sida.');
    expect(res.headers['set-cookie']).toBeUndefined();
    await t.anonymous
      .post('/auth/login')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ username: 'ivar', password: PASSWORD })
      .expect(200);
  });

  it('answers a wrong password and an unknown user alike, in Swedish', async () => {
    await addAccount(t, { username: 'bertil', name: 'Bertil', role: 'secretary', password: PASSWORD });
    const wrong = await t.anonymous.post('/auth/login').send({ username: 'bertil', password: 'fel lösenord här' });
    const unknown = await t.anonymous.post('/auth/login').send({ username: 'ingen-alls', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).toBe('Fel användarnamn eller lösenord.');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('locks the account after repeated wrong passwords, audits it, and opens it again later', async () => {
    await addAccount(t, { username: 'cecilia', name: 'Cecilia', role: 'secretary', password: PASSWORD });
    for (const _ of [1, 2]) {
      await t.anonymous.post('/auth/login').send({ username: 'cecilia', password: 'inte rätt lösenord' }).expect(401);
    }
    const locking = await t.anonymous
      .post('/auth/login')
      .send({ username: 'cecilia', password: 'inte rätt lösenord' })
      .expect(423);
    expect(locking.body.message).toBe(
      'Kontot är låst efter för många felaktiga inloggningsförsök. Försök igen om 15 minuter.',
    );
    expect(Number(locking.headers['retry-after'])).toBe(15 * 60);
    // The right password does not open a locked account.
    await t.anonymous.post('/auth/login').send({ username: 'cecilia', password: PASSWORD }).expect(423);

    const trail = await t.as('administrator').get('/audit').query({ userId: 'cecilia' }).expect(200);
    const attempts = (trail.body.items as { resource: string; status: number; allowed: boolean; subject: string }[])
      .filter((e) => e.resource === 'POST /auth/login')
      .map((e) => [e.status, e.allowed, e.subject]);
    expect(attempts).toEqual(
      expect.arrayContaining([
        [401, false, 'account:cecilia'],
        [423, false, 'account:cecilia'],
      ]),
    );
    expect(attempts.filter(([status]) => status === 423)).toHaveLength(2);
    t.clock.advance(15 * MINUTE + 1000);
    await signIn('cecilia');
  });

  it('ends a session left idle for the idle timeout, and keeps one in use', async () => {
    await addAccount(t, { username: 'david', name: 'David', role: 'secretary', password: PASSWORD });
    const { cookie } = await signIn('david');
    t.clock.advance(29 * MINUTE);
    await t.anonymous.get('/auth/session').set('Cookie', cookie).expect(200);
    t.clock.advance(29 * MINUTE);
    await t.anonymous.get('/cases').set('Cookie', cookie).expect(200);
    t.clock.advance(31 * MINUTE);
    const ended = await t.anonymous.get('/cases').set('Cookie', cookie).expect(401);
    expect(ended.body.message).toBe('Inloggningen har gått ut: logga in igen.');
    expect(String(ended.headers['set-cookie'])).toMatch(/umgangesstod-session=;/);
    await t.anonymous.get('/auth/session').set('Cookie', cookie).expect(401);
  });

  it('ends a session at its absolute limit however busy it is', async () => {
    await addAccount(t, { username: 'eva', name: 'Eva', role: 'secretary', password: PASSWORD });
    const { cookie } = await signIn('eva');
    for (let quarter = 0; quarter < 47; quarter++) {
      t.clock.advance(15 * MINUTE);
      await t.anonymous.get('/auth/session').set('Cookie', cookie).expect(200);
    }
    t.clock.advance(14 * MINUTE);
    await t.anonymous.get('/auth/session').set('Cookie', cookie).expect(200);
    t.clock.advance(2 * MINUTE);
    await t.anonymous.get('/auth/session').set('Cookie', cookie).expect(401);
  });

  it('signs out: the old cookie opens nothing any more', async () => {
    await addAccount(t, { username: 'filip', name: 'Filip', role: 'secretary', password: PASSWORD });
    const { cookie, csrfToken } = await signIn('filip');
    await t.anonymous.post('/auth/logout').set('Cookie', cookie).expect(403);
    const out = await t.anonymous.post('/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrfToken).expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/umgangesstod-session=;.*Expires=Thu, 01 Jan 1970/);
    await t.anonymous.get('/auth/session').set('Cookie', cookie).expect(401);
    await t.anonymous.get('/cases').set('Cookie', cookie).expect(401);
    const trail = await t.as('administrator').get('/audit').query({ userId: 'filip' }).expect(200);
    expect(trail.body.items.map((e: { resource: string; status: number }) => `${e.resource} ${e.status}`)).toEqual(
      expect.arrayContaining(['POST /auth/login 200', 'POST /auth/logout 403', 'POST /auth/logout 204']),
    );
  });

  it('refuses a change made with the cookie but without the CSRF token, and accepts it with the token', async () => {
    await addAccount(t, { username: 'greta', name: 'Greta', role: 'secretary', password: PASSWORD });
    const { cookie, csrfToken } = await signIn('greta');
    const refused = await t.anonymous.post('/staff/me/calendar-token').set('Cookie', cookie).expect(403);
    expect(refused.body.message).toBe(
      'Ändringen nekades: begäran saknar en giltig säkerhetstoken (X-CSRF-Token). Ladda om sidan och försök igen.',
    );
    await t.anonymous
      .post('/staff/me/calendar-token')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', `${csrfToken.slice(0, -1)}${csrfToken.endsWith('A') ? 'B' : 'A'}`)
      .expect(403);
    await t.anonymous.post('/staff/me/calendar-token').set('Cookie', cookie).set('X-CSRF-Token', csrfToken).expect(201);
    // Another session's token is no good for this one.
    const other = await signIn('greta');
    await t.anonymous
      .post('/staff/me/calendar-token')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', other.csrfToken)
      .expect(403);
  });

  it('keeps bearer tokens working as before, without a CSRF token', async () => {
    await t.as('secretary', { sub: 'helena' }).post('/staff/me/calendar-token').expect(201);
    await t.as('secretary').get('/cases').expect(200);
    await t.anonymous.get('/cases').expect(401);
  });
});

describe('the session cookie behind an https address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_BASE_URL: 'https://umgange.kommun.se' } });
  });
  afterAll(() => t.close());

  it('is Secure and named __Host-, so only https and only this host carry it', async () => {
    await addAccount(t, { username: 'anna', name: 'Anna', role: 'secretary', password: PASSWORD });
    const res = await t.anonymous.post('/auth/login').send({ username: 'anna', password: PASSWORD }).expect(200);
    const line = [res.headers['set-cookie']].flat()[0];
    expect(line).toMatch(/^__Host-umgangesstod-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    await t.anonymous.get('/auth/session').set('Cookie', line.split(';')[0]).expect(200);
  });

  it('refuses passwords user:add is given that are too short, in Swedish', async () => {
    const run = await userAdd(t.config, ['--username', 'kort', '--role', 'secretary', '--password-stdin'], 'kort');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Lösenordet måste ha minst 12 tecken (det har 4).');
    const supporter = await userAdd(
      t.config,
      ['--username', 'stod', '--role', 'supporter', '--password-stdin'],
      PASSWORD,
    );
    expect(supporter.stderr).toContain('En umgängesstödjare behöver --supporter-id');
    await t.anonymous.post('/auth/login').send({ username: 'kort', password: 'kort' }).expect(401);
  });
});
