import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { personalDataKeys, type PersonalDataKeys } from './personal-data-keys.js';

/** How a personnummer is kept at rest: sealed for reading back, hashed for finding. */
export interface ProtectedPersonnummer {
  personnummerCiphertext: string;
  personnummerHash: string;
}

const FORMAT = 'v1';

/**
 * Personnummer at rest: AES-256-GCM, sealed under the current key and tagged with its key id so
 * older keys still open what they sealed (rotation), plus an HMAC-SHA256 of the normalised number
 * so a case can be found by personnummer without decrypting every row. The hash depends on a
 * secret key: a stolen database alone cannot be searched by trying every birth date.
 */
@Injectable()
export class PersonnummerProtector {
  private readonly material: PersonalDataKeys;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.material = personalDataKeys(config);
  }

  /** `normalized`: twelve digits, no separator (normalizePersonnummer). */
  protect(normalized: string): ProtectedPersonnummer {
    return { personnummerCiphertext: this.seal(normalized), personnummerHash: this.lookupHash(normalized) };
  }

  lookupHash(normalized: string): string {
    return createHmac('sha256', this.material.hashKey).update(normalized).digest('hex');
  }

  seal(plain: string): string {
    const keyId = this.material.currentKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.material.keys.get(keyId)!, iv);
    cipher.setAAD(Buffer.from(`${FORMAT}.${keyId}`));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      FORMAT,
      keyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ciphertext.toString('base64url'),
    ].join('.');
  }

  /** The ids of the keys configured, the current one first. */
  keyIds(): string[] {
    return [...this.material.keys.keys()];
  }

  isSealedUnderCurrentKey(sealed: string): boolean {
    const [format, keyId] = sealed.split('.');
    return format === FORMAT && keyId === this.material.currentKeyId;
  }

  open(sealed: string): string {
    const [format, keyId, iv, tag, ciphertext] = sealed.split('.');
    const key = this.material.keys.get(keyId);
    if (format !== FORMAT || !key)
      throw new Error(`personal data sealed with an unknown key (${keyId}): is PERSONAL_DATA_KEYS complete?`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${format}.${keyId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
