import { randomBytes } from 'node:crypto';
import { readOrCreateSecret } from '../config/generated-secret.js';
import type { AppConfig } from '../config/app-config.js';
import { SECRET_FILES } from '../config/data-dir.js';

export interface PersonalDataKeys {
  /** The key new ciphertexts are sealed with: the first of the list. */
  currentKeyId: string;
  /** Every key that may still open older ciphertexts, by id. */
  keys: Map<string, Buffer>;
  /** The HMAC key of the lookup hash; it does not rotate with the encryption keys. */
  hashKey: Buffer;
}

/** `kid1:base64,kid0:base64`, the current key first (the format PERSONAL_DATA_KEYS is checked against). */
export function parseKeyList(list: string): Pick<PersonalDataKeys, 'currentKeyId' | 'keys'> {
  const keys = new Map<string, Buffer>();
  for (const item of list.split(',')) {
    const [id, key] = item.split(':');
    keys.set(id, Buffer.from(key, 'base64'));
  }
  return { currentKeyId: list.split(':')[0], keys };
}

/**
 * The configured keys, or, for the embedded default, keys generated into the data directory on
 * first start. Lose those files and the personnummer in the database cannot be read again.
 */
export function personalDataKeys(config: AppConfig): PersonalDataKeys {
  const generate = () => randomBytes(32).toString('base64');
  const list =
    config.personalData.keys ??
    readOrCreateSecret(config.dataDir, SECRET_FILES.personalDataKeys, () => `k1:${generate()}`);
  const hashKey =
    config.personalData.hashKey ?? readOrCreateSecret(config.dataDir, SECRET_FILES.personalDataHashKey, generate);
  return { ...parseKeyList(list), hashKey: Buffer.from(hashKey, 'base64') };
}
