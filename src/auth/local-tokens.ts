import { createHmac, randomBytes } from 'node:crypto';
import type { Role } from '../common/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { SECRET_FILES } from '../config/data-dir.js';
import { readOrCreateSecret } from '../config/generated-secret.js';

/** Issuer and audience of the embedded default's tokens; a token minted for another service is refused. */
export const LOCAL_ISSUER = 'umgangesstod';
export const LOCAL_AUDIENCE = 'umgangesstod';

/** The HS256 key of the embedded default: JWT_SECRET, or the one generated into the data directory. */
export function localSigningKey(config: AppConfig): Uint8Array {
  if (config.auth.mode !== 'local')
    throw new Error('tokens are issued by the OpenID Connect provider, not minted locally');
  const secret =
    config.auth.secret ??
    readOrCreateSecret(config.dataDir, SECRET_FILES.jwt, () => randomBytes(32).toString('base64url'));
  return new TextEncoder().encode(secret);
}

export interface TokenClaims {
  sub: string;
  roles: Role[];
  supporterId?: string;
}

export interface MintOptions {
  /** Lifetime in seconds from now (negative: a token already expired, for tests). */
  expiresInSeconds?: number;
  audience?: string;
  /** How long ago the token was issued, in seconds (negative: in the future, for tests). */
  issuedSecondsAgo?: number;
}

const EIGHT_HOURS = 8 * 3600;

function base64url(value: object | Buffer): string {
  return (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');
}

/**
 * A token the embedded default accepts, for local use and tests. Signing a compact HS256 JWT is a
 * few lines and lets the test harness hand out tokens synchronously; checking tokens, where the
 * pitfalls are, is left to jose (TokenVerifier).
 */
export function mintLocalToken(key: Uint8Array, claims: TokenClaims, options: MintOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: claims.sub,
    roles: claims.roles,
    ...(claims.supporterId ? { supporterId: claims.supporterId } : {}),
    iss: LOCAL_ISSUER,
    aud: options.audience ?? LOCAL_AUDIENCE,
    iat: now - (options.issuedSecondsAgo ?? 0),
    exp: now + (options.expiresInSeconds ?? EIGHT_HOURS),
  };
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${signingInput}.${base64url(createHmac('sha256', key).update(signingInput).digest())}`;
}
