import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { DEFAULT_MODES, type NotificationMode, type NotifiedKind } from './notification-kinds.js';
import { NotificationsRepository } from './notifications.repository.js';

export type Modes = Record<NotifiedKind, NotificationMode>;

/** Each person's choice per alert kind: immediate, in the daily digest, or not at all. */
@Injectable()
export class NotificationPreferences {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly notifications: NotificationsRepository,
  ) {}

  /** The person's modes, defaults filled in; a case without a responsible person gets the defaults. */
  async modesWithin(manager: EntityManager, subject: string | null): Promise<Modes> {
    const chosen = subject ? await this.notifications.preferencesOf(manager, subject) : [];
    return { ...DEFAULT_MODES, ...Object.fromEntries(chosen.map((p) => [p.alertKind, p.mode])) };
  }

  get(subject: string): Promise<{ modes: Modes; defaults: Modes }> {
    return this.transactions.run(async (manager) => ({
      modes: await this.modesWithin(manager, subject),
      defaults: DEFAULT_MODES,
    }));
  }

  /** Sets the kinds given and leaves the others as they were; a mode equal to the default is kept as a choice too. */
  update(subject: string, changes: Partial<Modes>): Promise<{ modes: Modes; defaults: Modes }> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      for (const [alertKind, mode] of Object.entries(changes)) {
        await this.notifications.setPreference(manager, subject, alertKind as NotifiedKind, mode, now);
      }
      return { modes: await this.modesWithin(manager, subject), defaults: DEFAULT_MODES };
    });
  }
}
