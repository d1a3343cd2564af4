import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditRecord } from '../../audit/audit-chain.js';
import { AuditTrail } from '../../audit/audit-trail.service.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig, type SignInConfig } from '../../config/app-config.js';
import { TransactionRunner } from '../../database/transaction-runner.service.js';
import type { SignedInPerson } from '../sessions/signed-in-person.js';
import { SignInRepository } from '../sign-in.repository.js';
import { NO_ONES_HASH, passwordMatches } from './password-rules.js';
import type { UserAccount } from './user-account.entity.js';

export type SignInOutcome =
  { kind: 'signedIn'; person: SignedInPerson } | { kind: 'wrongCredentials' } | { kind: 'locked'; until: Date };

/** The route a sign-in attempt is recorded under in the audit trail. */
export const SIGN_IN_RESOURCE = 'POST /auth/login';

/**
 * Local accounts, the embedded default's sign-in: argon2id password hashes, and a lock for a
 * while after too many wrong passwords in a row. Every attempt is written to the audit trail: a
 * sign-in (200), a wrong password or unknown name (401), and each attempt the lock refuses,
 * the one that sets it included (423).
 */
@Injectable()
export class LocalAccounts {
  private readonly config: SignInConfig;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: SignInRepository,
    private readonly trail: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.config = config.signIn;
  }

  /** Checks the password (outside any transaction: hashing takes a while) and records the outcome. */
  async signIn(typedUsername: string, password: string, ip: string | null): Promise<SignInOutcome> {
    const username = typedUsername.trim().toLowerCase();
    const account = await this.transactions.run((manager) => this.accounts.account(manager, username));
    const matches = await passwordMatches(account?.passwordHash ?? NO_ONES_HASH, password);
    const attempt = { actorId: account ? username : null, subject: account ? `account:${username}` : null, ip };
    if (!account) {
      await this.trail.record(entryOf({ kind: 'wrongCredentials' }, attempt, undefined));
      return { kind: 'wrongCredentials' };
    }
    const { outcome, entry, head } = await this.transactions.run(async (manager) => {
      const decided = await this.decide(manager, username, matches);
      const recorded = entryOf(decided, attempt, account);
      return { outcome: decided, entry: recorded, head: await this.trail.appendWithin(manager, [recorded]) };
    });
    await this.trail.committed(head, [entry]);
    return outcome;
  }

  /** Within the transaction that records it: the lock as it stands now, then the password's verdict. */
  private async decide(manager: EntityManager, username: string, matches: boolean): Promise<SignInOutcome> {
    const now = this.clock.now();
    const current = await this.accounts.account(manager, username);
    if (!current) return { kind: 'wrongCredentials' };
    if (current.lockedUntil && current.lockedUntil > now) return { kind: 'locked', until: current.lockedUntil };
    if (matches) {
      await this.accounts.setLock(manager, username, null);
      return { kind: 'signedIn', person: personOf(current) };
    }
    const failedAttempts = await this.accounts.countFailure(manager, username);
    if (failedAttempts < this.config.maxFailures) return { kind: 'wrongCredentials' };
    const until = new Date(now.getTime() + this.config.lockMs);
    await this.accounts.setLock(manager, username, until);
    return { kind: 'locked', until };
  }
}

const STATUS: Record<SignInOutcome['kind'], number> = { signedIn: 200, wrongCredentials: 401, locked: 423 };

function entryOf(
  outcome: SignInOutcome,
  attempt: Pick<AuditRecord, 'actorId' | 'subject' | 'ip'>,
  account: UserAccount | undefined,
): AuditRecord {
  return {
    ...attempt,
    actorRole: account?.role ?? null,
    caseId: null,
    action: 'write',
    resource: SIGN_IN_RESOURCE,
    allowed: outcome.kind === 'signedIn',
    status: STATUS[outcome.kind],
  };
}

function personOf(account: UserAccount): SignedInPerson {
  return {
    subject: account.username,
    name: account.name,
    roles: [account.role],
    ...(account.supporterId ? { supporterId: account.supporterId } : {}),
  };
}
