import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import { ROLES, type Role } from '../../common/actor.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig, type OidcSignInConfig } from '../../config/app-config.js';
import { TransactionRunner } from '../../database/transaction-runner.service.js';
import type { SignedInPerson } from '../sessions/signed-in-person.js';
import { SignInRepository } from '../sign-in.repository.js';
import { OidcSignIn } from './oidc-sign-in.entity.js';

/** How long a browser may take at the provider before the sign-in it started is forgotten. */
export const SIGN_IN_WINDOW_MS = 10 * 60_000;

export const CALLBACK_PATH = '/auth/oidc/callback';

const hashOf = (state: string) => createHash('sha256').update(state).digest('hex');

/** Why a return from the provider signs nobody in; the message is for the audit trail's reader, never the provider's text. */
export class OidcSignInFailed extends Error {}

/** The claim's values as a list: a provider sends a list, one string, or space-separated names. */
function valuesOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  return typeof claim === 'string' ? claim.split(/[\s,]+/).filter((v) => v !== '') : [];
}

/** The service's roles the claim grants, in the service's order (so `role`, the first, is stable). */
export function rolesFrom(claim: unknown, oidc: OidcSignInConfig): Role[] {
  const granted = new Set(valuesOf(claim).map((value) => (oidc.roleMap ? oidc.roleMap[value] : (value as Role))));
  return ROLES.filter((role) => granted.has(role));
}

/**
 * Sign-in through the municipality's OpenID Connect provider: the authorization code flow with
 * PKCE (S256), state and nonce. What the callback must check is kept in the database, keyed by a
 * hash of the state, so the process the provider sends the browser back to can finish what
 * another began; each is used once and forgotten after SIGN_IN_WINDOW_MS. The provider's metadata
 * is discovered on first use (and again after a failure), so the service starts while it is away.
 */
@Injectable()
export class OidcSignIns {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly signIns: SignInRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get oidc(): OidcSignInConfig {
    if (!this.config.signIn.oidc) throw new Error('OpenID Connect sign-in is not configured');
    return this.config.signIn.oidc;
  }

  private discovered(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.oidc;
    this.configuration ??= client
      .discovery(
        new URL(issuer),
        clientId,
        clientSecret,
        undefined,
        // A provider on plain http is a test's or a developer's; production issuers are https.
        issuer.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  private get redirectUri(): string {
    return `${this.config.notifications.publicBaseUrl}${CALLBACK_PATH}`;
  }

  /** Starts a sign-in: the provider's address to send the browser to, and the state its cookie keeps. */
  async begin(): Promise<{ url: URL; state: string }> {
    const configuration = await this.discovered();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const now = this.clock.now();
    await this.transactions.run((manager) =>
      this.signIns.beginOidcSignIn(
        manager,
        Object.assign(new OidcSignIn(), { stateHash: hashOf(state), nonce, codeVerifier, createdAt: now }),
        new Date(now.getTime() - SIGN_IN_WINDOW_MS),
      ),
    );
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state };
  }

  /**
   * Finishes a sign-in from the provider's redirect: the state must be the one this browser's
   * cookie holds and one begun here not long ago; the code is exchanged with the PKCE verifier, and
   * the ID token must carry the nonce. Roles come from the configured claim (the ID token's, else
   * UserInfo's); a person the provider grants none of the service's roles is not signed in.
   */
  async finish(query: string, cookieState: string | undefined): Promise<SignedInPerson> {
    const callback = new URL(`${this.redirectUri}?${query}`);
    const state = callback.searchParams.get('state');
    if (!state || state !== cookieState) throw new OidcSignInFailed('the state is not the one this browser began with');
    const pending = await this.transactions.run((manager) => this.signIns.takeOidcSignIn(manager, hashOf(state)));
    if (!pending || this.clock.now().getTime() - pending.createdAt.getTime() > SIGN_IN_WINDOW_MS)
      throw new OidcSignInFailed('no sign-in under way with that state');
    const configuration = await this.discovered();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcSignInFailed(`the provider's answer did not pass: ${(error as Error).name}`);
    }
    const idClaims = tokens.claims()!;
    const { roleClaim, supporterIdClaim } = this.oidc;
    const claims: Record<string, unknown> =
      idClaims[roleClaim] === undefined
        ? { ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)), ...idClaims }
        : idClaims;
    const roles = rolesFrom(claims[roleClaim], this.oidc);
    if (roles.length === 0)
      throw new OidcSignInFailed(`the provider grants ${idClaims.sub} none of the service's roles`);
    const supporterId = claims[supporterIdClaim];
    const name = [claims.name, claims.preferred_username, idClaims.sub].find((v) => typeof v === 'string') as string;
    return {
      subject: idClaims.sub,
      name,
      roles,
      ...(typeof supporterId === 'string' && supporterId !== '' ? { supporterId } : {}),
    };
  }
}
