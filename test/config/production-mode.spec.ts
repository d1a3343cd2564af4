import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { InvalidConfigError, loadConfig } from '../../src/config/app-config.js';
import { startupFacts } from '../../src/config/production-checks.js';

const key = () => randomBytes(32).toString('base64');

/** A configuration a municipality could go live with: OIDC, PostgreSQL, its own keys and address. */
function proper(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://umgangesstod_app:s3cret-from-the-vault@db.kommun.se:5432/umgangesstod',
    PERSONAL_DATA_KEYS: `k2:${key()},k1:${key()}`,
    PERSONAL_DATA_HASH_KEY: key(),
    AUDIT_CHAIN_KEY: key(),
    OIDC_ISSUER: 'https://login.kommun.se',
    OIDC_AUDIENCE: 'umgangesstod',
    OIDC_JWKS_URL: 'https://login.kommun.se/jwks',
    PUBLIC_BASE_URL: 'https://umgangesstod.kommun.se',
  };
}

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('production mode', () => {
  it('starts on a proper configuration, and says what it runs on without a key', () => {
    const config = loadConfig(proper());
    const facts = JSON.stringify(startupFacts(config));
    expect(startupFacts(config)).toMatchObject({
      production: true,
      database: 'postgres',
      signIn: 'OpenID Connect tokens',
      browserSignIn: 'local accounts (npm run user:add)',
      personalDataKeyIds: ['k2', 'k1'],
    });
    for (const secret of [config.personalData.hashKey!, config.audit.key!, ...config.personalData.keys!.split(',')])
      expect(facts).not.toContain(secret.split(':').at(-1));
  });

  it.each([
    ['the example keys', { PERSONAL_DATA_KEYS: `k1:${'A'.repeat(43)}=` }, /PERSONAL_DATA_KEYS key k1/],
    ['an all-zero hash key', { PERSONAL_DATA_HASH_KEY: `${'A'.repeat(43)}=` }, /PERSONAL_DATA_HASH_KEY/],
    ['a generated chain key', { AUDIT_CHAIN_KEY: '' }, /AUDIT_CHAIN_KEY is not set/],
    ['generated personal-data keys', { PERSONAL_DATA_KEYS: '' }, /PERSONAL_DATA_KEYS is not set/],
    ['a public address on this machine', { PUBLIC_BASE_URL: 'http://127.0.0.1:3000' }, /PUBLIC_BASE_URL/],
    ['no public address', { PUBLIC_BASE_URL: '' }, /PUBLIC_BASE_URL/],
    ['SQLite', { DATABASE_URL: '' }, /DATABASE_URL is not set.*ALLOW_SQLITE/],
    [
      'the example public address',
      { PUBLIC_BASE_URL: 'https://umgangesstod.kommun.example' },
      /PUBLIC_BASE_URL is the example/,
    ],
    ['the example identity provider', { OIDC_ISSUER: 'https://login.kommun.example' }, /OIDC_ISSUER is the example/],
    [
      'local HS256 sign-in',
      { OIDC_ISSUER: '', OIDC_AUDIENCE: '', OIDC_JWKS_URL: '', JWT_SECRET: 'x'.repeat(40) },
      /ALLOW_LOCAL_SIGN_IN/,
    ],
    [
      'a generated JWT secret',
      { OIDC_ISSUER: '', OIDC_AUDIENCE: '', OIDC_JWKS_URL: '', ALLOW_LOCAL_SIGN_IN: 'true' },
      /JWT_SECRET is not set/,
    ],
  ])('refuses %s, naming it', (_what, change, message) => {
    expect(refusal({ ...proper(), ...change })).toMatch(message);
  });

  it('runs the embedded database and local sign-in where the operator allows them explicitly', () => {
    const config = loadConfig({
      ...proper(),
      DATABASE_URL: '',
      ALLOW_SQLITE: 'true',
      OIDC_ISSUER: '',
      OIDC_AUDIENCE: '',
      OIDC_JWKS_URL: '',
      ALLOW_LOCAL_SIGN_IN: 'true',
      JWT_SECRET: randomBytes(32).toString('base64url'),
    });
    expect(startupFacts(config)).toMatchObject({ database: 'sqlite', signIn: 'local HS256 tokens' });
  });

  it('is off outside production: the embedded default needs no configuration', () => {
    expect(loadConfig({}).production.on).toBe(false);
  });
});

describe('secrets from files (NAME_FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-'));

  it('reads any variable from the file its _FILE variable names, without the last line break', () => {
    const secret = key();
    writeFileSync(join(dir, 'hash'), `${secret}\n`);
    expect(loadConfig({ PERSONAL_DATA_HASH_KEY_FILE: join(dir, 'hash') }).personalData.hashKey).toBe(secret);
  });

  it('refuses a file it cannot read, and a value given both ways, naming the variable and never the value', () => {
    const missing = refusal({ AUDIT_CHAIN_KEY_FILE: join(dir, 'nowhere') });
    expect(missing).toMatch(/AUDIT_CHAIN_KEY_FILE names .*nowhere, which cannot be read \(ENOENT\)/);
    const secret = key();
    writeFileSync(join(dir, 'chain'), secret);
    const both = refusal({ AUDIT_CHAIN_KEY: secret, AUDIT_CHAIN_KEY_FILE: join(dir, 'chain') });
    expect(both).toMatch(/AUDIT_CHAIN_KEY and AUDIT_CHAIN_KEY_FILE are both set/);
    expect(both).not.toContain(secret);
  });
});
