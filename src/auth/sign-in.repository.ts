import { Injectable } from '@nestjs/common';
import { LessThan, type EntityManager } from 'typeorm';
import { UserAccount } from './accounts/user-account.entity.js';
import { OidcSignIn } from './oidc/oidc-sign-in.entity.js';
import { BrowserSession } from './sessions/browser-session.entity.js';

/**
 * The sign-in tables (local accounts, browser sessions, OpenID Connect sign-ins under way: a
 * unit's staff, tens to hundreds of rows), inside the caller's transaction.
 */
@Injectable()
export class SignInRepository {
  account(manager: EntityManager, username: string): Promise<UserAccount | null> {
    return manager.findOneBy(UserAccount, { username });
  }

  accountExists(manager: EntityManager, username: string): Promise<boolean> {
    return manager.existsBy(UserAccount, { username });
  }

  async insertAccount(manager: EntityManager, account: UserAccount): Promise<void> {
    await manager.insert(UserAccount, account);
  }

  /** Sets the account's lock (none: unlocked) and starts its count of wrong passwords again. */
  async setLock(manager: EntityManager, username: string, lockedUntil: Date | null): Promise<void> {
    await manager.update(UserAccount, { username }, { failedAttempts: 0, lockedUntil });
  }

  /** One more wrong password, counted in the database so attempts at once in several processes all count: the count now. */
  async countFailure(manager: EntityManager, username: string): Promise<number> {
    await manager.increment(UserAccount, { username }, 'failedAttempts', 1);
    return (await manager.findOneByOrFail(UserAccount, { username })).failedAttempts;
  }

  /** Forgets the sessions idle since `idleSince` or opened before `openedBefore`. */
  async sweepSessions(manager: EntityManager, idleSince: Date, openedBefore: Date): Promise<void> {
    await manager.delete(BrowserSession, { lastSeenAt: LessThan(idleSince) });
    await manager.delete(BrowserSession, { createdAt: LessThan(openedBefore) });
  }

  async insertSession(manager: EntityManager, session: BrowserSession): Promise<void> {
    await manager.insert(BrowserSession, session);
  }

  session(manager: EntityManager, idHash: string): Promise<BrowserSession | null> {
    return manager.findOneBy(BrowserSession, { idHash });
  }

  async touchSession(manager: EntityManager, idHash: string, lastSeenAt: Date): Promise<void> {
    await manager.update(BrowserSession, { idHash }, { lastSeenAt });
  }

  async deleteSession(manager: EntityManager, idHash: string): Promise<void> {
    await manager.delete(BrowserSession, { idHash });
  }

  /** Forgets the sign-ins begun before `begunBefore` and keeps this one. */
  async beginOidcSignIn(manager: EntityManager, signIn: OidcSignIn, begunBefore: Date): Promise<void> {
    await manager.delete(OidcSignIn, { createdAt: LessThan(begunBefore) });
    await manager.insert(OidcSignIn, signIn);
  }

  /** The sign-in begun with this state, forgotten as it is read: each is used once. */
  async takeOidcSignIn(manager: EntityManager, stateHash: string): Promise<OidcSignIn | null> {
    const found = await manager.findOneBy(OidcSignIn, { stateHash });
    if (found) await manager.delete(OidcSignIn, { stateHash });
    return found;
  }
}
