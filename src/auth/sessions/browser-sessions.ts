import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ROLES, type Role } from '../../common/actor.js';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig, type SignInConfig } from '../../config/app-config.js';
import { TransactionRunner } from '../../database/transaction-runner.service.js';
import { SignInRepository } from '../sign-in.repository.js';
import { BrowserSession } from './browser-session.entity.js';
import type { SessionResponse } from './dto/session.responses.js';
import type { SignedInPerson } from './signed-in-person.js';

/** 32 random bytes: a session id cannot be guessed. */
const ID_BYTES = 32;
const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * How stale the recorded last request may be before a request writes it again: so a busy session
 * costs one write a minute rather than one per request; the idle timeout is exact to this much.
 */
const TOUCH_AFTER_MS = 60_000;

const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * Server-side browser sessions. The cookie holds a random id; the table holds its hash, who
 * signed in and when, and the last request. A session ends on sign-out, after the idle timeout,
 * or at the absolute limit, whichever comes first; ended sessions are swept at each sign-in.
 * The CSRF token is derived from the session id, so it needs no storage and dies with the session.
 */
@Injectable()
export class BrowserSessions {
  private readonly config: SignInConfig;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SignInRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.config = config.signIn;
  }

  /** Opens a session for the person; the id is answered once (for the cookie), never stored. */
  start(person: SignedInPerson): Promise<string> {
    const id = randomBytes(ID_BYTES).toString('base64url');
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      await this.sessions.sweepSessions(
        manager,
        new Date(now.getTime() - this.config.idleMs),
        new Date(now.getTime() - this.config.maxMs),
      );
      await this.sessions.insertSession(
        manager,
        Object.assign(new BrowserSession(), {
          idHash: hashOf(id),
          subject: person.subject,
          name: person.name,
          roles: person.roles.join(','),
          supporterId: person.supporterId ?? null,
          createdAt: now,
          lastSeenAt: now,
        }),
      );
      return id;
    });
  }

  /** The person signed in under the id, while the session lasts; each use counts as activity. */
  personOf(id: string): Promise<SignedInPerson | undefined> {
    if (!ID_SHAPE.test(id)) return Promise.resolve(undefined);
    return this.transactions.run(async (manager) => {
      const session = await this.sessions.session(manager, hashOf(id));
      if (!session) return undefined;
      const now = this.clock.now().getTime();
      if (
        now - session.lastSeenAt.getTime() >= this.config.idleMs ||
        now - session.createdAt.getTime() >= this.config.maxMs
      ) {
        await this.sessions.deleteSession(manager, session.idHash);
        return undefined;
      }
      if (now - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS)
        await this.sessions.touchSession(manager, session.idHash, new Date(now));
      return {
        subject: session.subject,
        name: session.name,
        roles: session.roles.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
        ...(session.supporterId ? { supporterId: session.supporterId } : {}),
      };
    });
  }

  /** Ends the session: its cookie opens nothing from now on. */
  async end(id: string): Promise<void> {
    await this.transactions.run((manager) => this.sessions.deleteSession(manager, hashOf(id)));
  }

  /** What the web app is told of a session: who is signed in, and the CSRF token. */
  answerFor(id: string, person: SignedInPerson): SessionResponse {
    return {
      user: {
        username: person.subject,
        name: person.name,
        role: person.roles[0],
        roles: person.roles,
        ...(person.supporterId ? { supporterId: person.supporterId } : {}),
      },
      csrfToken: this.csrfTokenOf(id),
    };
  }

  /** The session's CSRF token: a keyed hash of its id, which only the holder of the cookie (and this service) can make. */
  csrfTokenOf(id: string): string {
    return createHmac('sha256', id).update('csrf').digest('base64url');
  }

  csrfTokenMatches(id: string, given: string | undefined): boolean {
    if (given === undefined) return false;
    const expected = Buffer.from(this.csrfTokenOf(id));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
