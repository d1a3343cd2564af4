import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { InvalidConfigError, loadConfig } from '../../src/config/app-config.js';
import { PersonnummerProtector } from '../../src/personal-data/personnummer-protector.service.js';
import { aChildPersonnummer } from '../support/test-people.js';

const key = () => randomBytes(32).toString('base64');
const dirs: string[] = [];
function protector(env: Record<string, string>): PersonnummerProtector {
  const dir = mkdtempSync(join(tmpdir(), 'umgangesstod-keys-'));
  dirs.push(dir);
  return new PersonnummerProtector(loadConfig({ DATA_DIR: dir, ...env }));
}

describe('personnummer at rest', () => {
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const personnummer = aChildPersonnummer();

  it('seals with authenticated encryption: the same number twice gives different ciphertexts, an altered one does not open', () => {
    const p = protector({ PERSONAL_DATA_KEYS: `k1:${key()}`, PERSONAL_DATA_HASH_KEY: key() });
    const a = p.seal(personnummer);
    expect(a).not.toContain(personnummer);
    expect(p.seal(personnummer)).not.toBe(a);
    expect(p.open(a)).toBe(personnummer);
    const parts = a.split('.');
    parts[4] = Buffer.from(Buffer.from(parts[4], 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b))).toString(
      'base64url',
    );
    expect(() => p.open(parts.join('.'))).toThrow();
  });

  it('still opens what an older key sealed after the key is rotated, and seals anew under the current one', () => {
    const old = key();
    const hashKey = key();
    const before = protector({ PERSONAL_DATA_KEYS: `k1:${old}`, PERSONAL_DATA_HASH_KEY: hashKey });
    const sealed = before.seal(personnummer);
    const after = protector({ PERSONAL_DATA_KEYS: `k2:${key()},k1:${old}`, PERSONAL_DATA_HASH_KEY: hashKey });
    expect(after.open(sealed)).toBe(personnummer);
    expect(after.seal(personnummer).startsWith('v1.k2.')).toBe(true);
    expect(after.lookupHash(personnummer)).toBe(before.lookupHash(personnummer));
    const withoutOld = protector({ PERSONAL_DATA_KEYS: `k2:${key()}`, PERSONAL_DATA_HASH_KEY: hashKey });
    expect(() => withoutOld.open(sealed)).toThrow(/unknown key \(k1\)/);
  });

  it('hashes with a secret key: the lookup hash differs from one installation to another', () => {
    const a = protector({ PERSONAL_DATA_KEYS: `k1:${key()}`, PERSONAL_DATA_HASH_KEY: key() });
    const b = protector({ PERSONAL_DATA_KEYS: `k1:${key()}`, PERSONAL_DATA_HASH_KEY: key() });
    expect(a.lookupHash(personnummer)).toMatch(/^[0-9a-f]{64}$/);
    expect(a.lookupHash(personnummer)).not.toBe(b.lookupHash(personnummer));
  });

  it('generates its keys into the data directory on first start, readable by the owner only, and reuses them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'umgangesstod-keys-'));
    dirs.push(dir);
    const first = new PersonnummerProtector(loadConfig({ DATA_DIR: dir }));
    const sealed = first.seal(personnummer);
    expect(statSync(join(dir, 'personal-data-keys')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'personal-data-hash-key')).mode & 0o777).toBe(0o600);
    expect(new PersonnummerProtector(loadConfig({ DATA_DIR: dir })).open(sealed)).toBe(personnummer);
  });

  it('refuses malformed keys at boot with a message naming the variable', () => {
    expect(() => loadConfig({ PERSONAL_DATA_KEYS: 'k1:tooshort' })).toThrow(InvalidConfigError);
    expect(() => loadConfig({ PERSONAL_DATA_KEYS: 'k1:tooshort' })).toThrow(/PERSONAL_DATA_KEYS must be/);
    expect(() => loadConfig({ PERSONAL_DATA_HASH_KEY: 'abc' })).toThrow(/PERSONAL_DATA_HASH_KEY must be 32 bytes/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.kommun.se' })).toThrow(/must be given together/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });
});
