import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { ROLES, type Role } from '../common/actor.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localSigningKey } from './local-tokens.js';

/** Who a valid token says the caller is. */
export interface Principal {
  sub: string;
  /** The roles the token grants that this service knows; others are ignored. */
  roles: Role[];
  supporterId?: string;
}

/** Some clock difference between the identity provider and this host is normal. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** Verified tokens remembered at most: far more than a unit has people signed in at once. */
const REMEMBERED_TOKENS = 1_000;

/**
 * Checks bearer tokens: against the identity provider's published keys (OIDC) in production, or
 * against the local HS256 secret in the embedded default. Algorithm (pinned in both modes),
 * signature, issuer, audience, expiry and age must all hold; anything else is no principal at all.
 */
@Injectable()
export class TokenVerifier {
  private readonly check: (token: string) => Promise<JWTPayload>;
  private readonly maxAgeSeconds: number;
  /**
   * Tokens already verified, with the principal and the moment they stop being accepted (expiry,
   * or the maximum age). Every request of a session carries the same token, and checking its
   * signature costs more than the rest of the access check; a token that changes in any way is
   * another string, checked afresh.
   */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const auth = config.auth;
    // A token must say when it was issued, not in the future, and not longer ago than the maximum
    // age: a leaked long-lived token stops working whatever its `exp` says.
    this.maxAgeSeconds = config.tokenMaxAgeSeconds;
    const common = { clockTolerance: CLOCK_TOLERANCE_SECONDS, maxTokenAge: config.tokenMaxAgeSeconds };
    if (auth.mode === 'oidc') {
      const keys = createRemoteJWKSet(new URL(auth.jwksUrl));
      const options = { ...common, issuer: auth.issuer, audience: auth.audience, algorithms: auth.algorithms };
      this.check = async (token) => (await jwtVerify(token, keys, options)).payload;
    } else {
      // A key object made once: given the raw bytes, jose would import them again for every token.
      const key = createSecretKey(localSigningKey(config));
      const options = { ...common, issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['HS256'] };
      this.check = async (token) => (await jwtVerify(token, key, options)).payload;
    }
  }

  async principalOf(token: string): Promise<Principal | undefined> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.until) return known.principal;
    this.verified.delete(token);
    let payload: JWTPayload;
    try {
      payload = await this.check(token);
    } catch {
      return undefined;
    }
    if (typeof payload.sub !== 'string' || payload.sub === '' || payload.exp === undefined) return undefined;
    const roles = Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r))
      : [];
    const supporterId = typeof payload.supporterId === 'string' ? payload.supporterId : undefined;
    const principal: Principal = { sub: payload.sub, roles, ...(supporterId ? { supporterId } : {}) };
    this.remember(token, principal, payload);
    return principal;
  }

  /** Until the earlier of expiry and maximum age, without the clock tolerance jose grants past them. */
  private remember(token: string, principal: Principal, payload: JWTPayload): void {
    const endsAt = Math.min(
      payload.exp!,
      typeof payload.iat === 'number' ? payload.iat + this.maxAgeSeconds : payload.exp!,
    );
    if (this.verified.size >= REMEMBERED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, until: endsAt * 1000 });
  }
}
