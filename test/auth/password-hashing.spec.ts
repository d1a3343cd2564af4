import argon2 from 'argon2';
import { describe, expect, it } from '@jest/globals';
import { HASH_OPTIONS, hashPassword, NO_ONES_HASH, passwordMatches } from '../../src/auth/accounts/password-rules.js';

describe('passwords, as local accounts store them', () => {
  it('are hashed with argon2id at 64 MiB, 3 passes and 4 lanes, and match only themselves', async () => {
    const hash = await hashPassword('en lång och hemlig fras');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await passwordMatches(hash, 'en lång och hemlig fras')).toBe(true);
    expect(await passwordMatches(hash, 'en lång och hemlig fraS')).toBe(false);
  });

  it('check an unknown username against a hash that costs as much as a real one, so the timing tells nothing', () => {
    expect(argon2.needsRehash(NO_ONES_HASH, HASH_OPTIONS)).toBe(false);
    expect(NO_ONES_HASH).toMatch(/^\$argon2id\$/);
  });
});
