import { statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { localSigningKey, mintLocalToken } from '../../src/auth/local-tokens.js';
import { TokenVerifier } from '../../src/auth/token-verifier.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import type { Role } from '../../src/common/actor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A 401 tells nothing about why: the same bare answer for every kind of bad token. */
const BARE_401 = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Du är inte inloggad, eller så har inloggningen gått ut. Logga in igen.',
};

describe('tokens of the embedded default (HS256)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const withToken = (token: string) => t.anonymous.get('/cases').set('Authorization', `Bearer ${token}`);

  it('lets a valid token in', async () => {
    await withToken(t.token('secretary')).expect(200);
  });

  it.each([
    ['missing', () => t.anonymous.get('/cases')],
    ['not a bearer token', () => t.anonymous.get('/cases').set('Authorization', 'Basic YW5uYTpzZWNyZXQ=')],
    ['malformed', () => withToken('not.a.jwt')],
    [
      'forged (signed with another secret)',
      () =>
        withToken(mintLocalToken(new TextEncoder().encode('x'.repeat(32)), { sub: 'mallory', roles: ['secretary'] })),
    ],
    ['expired', () => withToken(t.token('secretary', {}, { expiresInSeconds: -3600 }))],
    ['for another audience', () => withToken(t.token('secretary', {}, { audience: 'another-service' }))],
    [
      'altered after signing',
      () => {
        const [header, payload, signature] = t.token('supporter').split('.');
        const elevated = Buffer.from(
          JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['secretary'] }),
        ).toString('base64url');
        return withToken(`${header}.${elevated}.${signature}`);
      },
    ],
    [
      'unsigned (alg none)',
      () => {
        const [, payload] = t.token('secretary').split('.');
        return withToken(`${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`);
      },
    ],
  ])('answers 401 and nothing else for a token that is %s', async (_, call) => {
    const res = await call().expect(401);
    expect(res.body).toEqual(BARE_401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers 403 to a valid token whose roles the route does not name, and to one with no known role', async () => {
    await withToken(t.token('developer')).expect(403);
    const janitor = mintLocalToken(localSigningKey(t.config), { sub: 'jan', roles: ['janitor' as Role] });
    await withToken(janitor).expect(403);
  });

  it('generated its secret into the data directory, readable by the owner only', () => {
    expect(statSync(`${t.config.dataDir}/jwt-secret`).mode & 0o777).toBe(0o600);
  });
});

describe('a token let in once is remembered only while it is valid', () => {
  const config = loadConfig({
    JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
    TOKEN_MAX_AGE_SECONDS: '3600',
  });
  const key = localSigningKey(config);
  const at = (time: string) => jest.setSystemTime(new Date(time));

  // Only the clock is faked: jose reads it through Date, and the verifier's memory must follow it.
  beforeAll(() => {
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterEach(() => at('2026-11-30T09:00:00Z'));
  afterAll(() => {
    jest.useRealTimers();
  });

  it('refuses a token it let in once the token has expired', async () => {
    at('2026-11-30T09:00:00Z');
    const verifier = new TokenVerifier(config);
    const token = mintLocalToken(key, { sub: 'anna', roles: ['secretary'] }, { expiresInSeconds: 600 });
    expect(await verifier.principalOf(token)).toEqual({ sub: 'anna', roles: ['secretary'] });
    at('2026-11-30T09:09:00Z');
    expect(await verifier.principalOf(token)).toEqual({ sub: 'anna', roles: ['secretary'] });
    // Past the expiry and the 30 s jose tolerates for clock differences.
    at('2026-11-30T09:10:31Z');
    expect(await verifier.principalOf(token)).toBeUndefined();
  });

  it('refuses a token it let in once the maximum token age has passed, whatever its expiry says', async () => {
    at('2026-11-30T09:00:00Z');
    const verifier = new TokenVerifier(config);
    const token = mintLocalToken(key, { sub: 'anna', roles: ['secretary'] }, { expiresInSeconds: 8 * 3600 });
    expect(await verifier.principalOf(token)).toBeDefined();
    at('2026-11-30T10:00:31Z');
    expect(await verifier.principalOf(token)).toBeUndefined();
  });
});

describe('tokens of an OpenID Connect provider', () => {
  let jwks: Server;
  let issuer: string;
  let providerKey: CryptoKey;
  let strangerKey: CryptoKey;
  let t: TestApp;

  beforeAll(async () => {
    const provider = await generateKeyPair('RS256');
    providerKey = provider.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const publicJwk = { ...(await exportJWK(provider.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [publicJwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
    t = await startTestApp({
      env: { OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'umgangesstod-api', OIDC_JWKS_URL: `${issuer}/jwks` },
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  function providerToken(key: CryptoKey, claims: { iss?: string; aud?: string; exp?: string } = {}): Promise<string> {
    return new SignJWT({ roles: ['secretary'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('anna@kommun.se')
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? 'umgangesstod-api')
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '5m')
      .sign(key);
  }

  const call = (token: string) => t.anonymous.get('/cases').set('Authorization', `Bearer ${token}`);

  it("accepts the provider's token and refuses forged, expired, foreign-issuer and wrong-audience ones", async () => {
    await call(await providerToken(providerKey)).expect(200);
    for (const token of [
      await providerToken(strangerKey),
      await providerToken(providerKey, { exp: '-2h' }),
      await providerToken(providerKey, { aud: 'another-service' }),
      await providerToken(providerKey, { iss: 'https://idp.example.org' }),
    ]) {
      expect((await call(token).expect(401)).body).toEqual(BARE_401);
    }
  });

  it('accepts no token signed with a shared secret', async () => {
    await call(mintLocalToken(new TextEncoder().encode('y'.repeat(32)), { sub: 'anna', roles: ['secretary'] })).expect(
      401,
    );
  });
});
