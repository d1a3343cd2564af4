import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config.js';
import { PersonnummerProtector } from '../../src/personal-data/personnummer-protector.service.js';
import { rewrapSealed, sealedColumns } from '../../src/personal-data/sealed-columns.js';
import { registerCase } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { aChildPersonnummer } from '../support/test-people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3600;
const key = () => randomBytes(32).toString('base64');

describe('token age and algorithms', () => {
  describe('embedded default (HS256)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { TOKEN_MAX_AGE_SECONDS: String(12 * HOUR) } });
    });
    afterAll(() => t.close());
    const call = (token: string) => t.anonymous.get('/cases').set('Authorization', `Bearer ${token}`);

    it('refuses a token issued longer ago than the maximum age, though it has not expired', async () => {
      await call(t.token('secretary', {}, { issuedSecondsAgo: 11 * HOUR, expiresInSeconds: 2 * HOUR })).expect(200);
      await call(t.token('secretary', {}, { issuedSecondsAgo: 13 * HOUR, expiresInSeconds: 2 * HOUR })).expect(401);
    });

    it('refuses a token issued in the future', async () => {
      await call(t.token('secretary', {}, { issuedSecondsAgo: -600 })).expect(401);
    });
  });

  describe('OpenID Connect', () => {
    let jwks: Server;
    let issuer: string;
    let rsaKey: CryptoKey;
    let ecKey: CryptoKey;
    let t: TestApp;

    beforeAll(async () => {
      const rsa = await generateKeyPair('RS256');
      const ec = await generateKeyPair('ES256');
      [rsaKey, ecKey] = [rsa.privateKey, ec.privateKey];
      // Keys published without an `alg`: the key alone does not say which algorithm to accept.
      const keys = [
        { ...(await exportJWK(rsa.publicKey)), kid: 'rsa' },
        { ...(await exportJWK(ec.publicKey)), kid: 'ec' },
      ];
      jwks = createServer((_, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys })));
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

    const token = (alg: 'RS256' | 'ES256', iat: number) =>
      new SignJWT({ roles: ['secretary'] })
        .setProtectedHeader({ alg, kid: alg === 'RS256' ? 'rsa' : 'ec' })
        .setSubject('anna@kommun.se')
        .setIssuer(issuer)
        .setAudience('umgangesstod-api')
        .setIssuedAt(iat)
        .setExpirationTime(Math.floor(Date.now() / 1000) + HOUR)
        .sign(alg === 'RS256' ? rsaKey : ecKey);
    const call = async (jwt: Promise<string>) => t.anonymous.get('/cases').set('Authorization', `Bearer ${await jwt}`);
    const now = () => Math.floor(Date.now() / 1000);

    it('accepts only the pinned algorithm (RS256 unless OIDC_ALGORITHMS says otherwise)', async () => {
      expect((await call(token('RS256', now()))).status).toBe(200);
      expect((await call(token('ES256', now()))).status).toBe(401);
    });

    it('refuses a token older than the maximum age or issued in the future', async () => {
      expect((await call(token('RS256', now() - 13 * HOUR))).status).toBe(401);
      expect((await call(token('RS256', now() + 600))).status).toBe(401);
    });
  });
});

describe('configuration of proxies and keys', () => {
  it("refuses TRUST_PROXY=true and takes a hop count or the proxies' addresses", () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow('TRUST_PROXY must be the number of proxy hops');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5,10.0.0.0/24' }).trustProxy).toEqual(['10.0.0.5', '10.0.0.0/24']);
  });

  it('refuses two keys under one key id', () => {
    expect(() => loadConfig({ PERSONAL_DATA_KEYS: `k1:${key()},k1:${key()}` })).toThrow(
      'PERSONAL_DATA_KEYS names key id k1 twice',
    );
  });

  it('has a maximum token age by default', () => {
    expect(loadConfig({}).tokenMaxAgeSeconds).toBe(12 * HOUR);
    expect(() => loadConfig({ TOKEN_MAX_AGE_SECONDS: '0' })).toThrow(/TOKEN_MAX_AGE_SECONDS/);
  });
});

describe.each(['postgres'] as const)('npm run keys:rewrap (%s)', (database) => {
  const [oldKey, newKey, hashKey] = [key(), key(), key()];
  let before: TestApp;
  let after: TestApp | undefined;
  const child = aChildPersonnummer();
  const home = { street: 'Storgatan 1 B', postalCode: '753 20', city: 'Uppsala' };
  const hidden = { street: 'Hemliga vägen 7', postalCode: '987 65', city: 'Gömstad' };
  /** The same database, served with other keys. */
  const sameDatabase = (keys: string) => {
    const db = before.config.database;
    return startTestApp({
      database,
      env: {
        ...(db.type === 'sqlite' ? { SQLITE_PATH: db.path } : { DATABASE_URL: db.url }),
        PERSONAL_DATA_KEYS: keys,
        PERSONAL_DATA_HASH_KEY: hashKey,
      },
    });
  };

  beforeAll(async () => {
    before = await startTestApp({
      database,
      env: { PERSONAL_DATA_KEYS: `old:${oldKey}`, PERSONAL_DATA_HASH_KEY: hashKey },
    });
  });
  afterAll(async () => {
    await after?.close();
    await before.close();
  });

  it('re-seals every personnummer and address, protected ones included, so the old key can be retired', async () => {
    const judgment = aJudgment({ children: [{ name: 'Alva', personnummer: child }] });
    const { body } = await before.http
      .post('/cases')
      .send({
        ...judgment,
        residentParent: { ...judgment.residentParent, address: home },
        visitingParent: { ...judgment.visitingParent, address: hidden, protection: 'skyddadFolkbokforing' },
      })
      .expect(201);
    const caseIds = [body.id as string, await registerCase(before)];
    const dataSource = before.app.get(DataSource);
    const sealedValues = async () =>
      (
        await dataSource.query<{ p: string; a: string | null }[]>(
          'SELECT "personnummerCiphertext" AS p, "addressCiphertext" AS a FROM case_parties ORDER BY id',
        )
      ).flatMap((row) => [row.p, ...(row.a ? [row.a] : [])]);
    const plain = (await sealedValues()).map((value) => new PersonnummerProtector(before.config).open(value));
    const rotated = loadConfig({ PERSONAL_DATA_KEYS: `new:${newKey},old:${oldKey}`, PERSONAL_DATA_HASH_KEY: hashKey });

    expect(await rewrapSealed(dataSource, new PersonnummerProtector(rotated), 2)).toEqual({
      columns: [
        { name: 'case_parties.personnummerCiphertext', rewrapped: 6, values: 6 },
        { name: 'case_parties.addressCiphertext', rewrapped: 2, values: 2 },
        { name: 'supporters.addressCiphertext', rewrapped: 0, values: 0 },
      ],
      byKeyId: { new: 8 },
    });
    expect(await rewrapSealed(dataSource, new PersonnummerProtector(rotated), 2)).toMatchObject({
      columns: [{ rewrapped: 0 }, { rewrapped: 0 }, { rewrapped: 0 }],
    });
    expect((await sealedValues()).every((value) => value.startsWith('v1.new.'))).toBe(true);

    // The same database, served with the new key only: everything still opens.
    after = await sameDatabase(`new:${newKey}`);
    const newOnly = new PersonnummerProtector(after.config);
    expect((await sealedValues()).map((value) => newOnly.open(value))).toEqual(plain);
    const found = await after.http.post('/cases/search').send({ personnummer: child }).expect(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([caseIds[0]]);
    const view = await after.http.get(`/cases/${caseIds[0]}`).expect(200);
    expect(view.body.parties.children[0].personnummer).toBe(`${child.slice(0, 8)}-****`);
    const parties = await after.http.get(`/cases/${caseIds[0]}/parties`).expect(200);
    expect(parties.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ address: expect.objectContaining(home) })]),
    );
    await after.close();
    after = undefined;
  });

  it('rotates every column holding a ciphertext, from the entities’ own declarations', () => {
    const dataSource = before.app.get(DataSource);
    const ciphertexts = dataSource.entityMetadatas.flatMap((entity) =>
      entity.columns
        .filter((c) => /ciphertext/i.test(c.databaseName))
        .map((c) => `${entity.tableName}.${c.databaseName}`),
    );
    expect(ciphertexts.length).toBeGreaterThan(1);
    expect(
      sealedColumns(dataSource)
        .map((c) => c.name)
        .sort(),
    ).toEqual(ciphertexts.sort());
  });

  it('refuses to start while a stored value is sealed under a key id it was not given, naming the id, not the key', async () => {
    const start = sameDatabase(`old:${oldKey}`);
    await expect(start).rejects.toThrow(
      /PERSONAL_DATA_KEYS lacks the key id\(s\) new, which still seal stored values \(6 in case_parties\.personnummerCiphertext under new, 2 in case_parties\.addressCiphertext under new\)/,
    );
    await start.catch((error: Error) => {
      for (const secret of [oldKey, newKey, hashKey]) expect(error.message).not.toContain(secret);
    });
  });
});
