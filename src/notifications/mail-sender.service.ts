import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { MailTransport, refusedForGood } from './mail-transport.service.js';
import type { MailContent } from './mail-content.js';
import type { NotificationMail } from './notification-mail.entity.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationOutbox } from './notification-outbox.service.js';

/**
 * Sends one outbox mail, whatever delivers the job (its retry, a duplicate, another process):
 * only while the row is pending, and marks it sent after the mail server took it. A crash in
 * between sends it again, with the same Message-ID.
 */
@Injectable()
export class MailSender {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly outbox: NotificationOutbox,
    private readonly transport: MailTransport,
    private readonly notifications: NotificationsRepository,
  ) {}

  async send(mailId: string): Promise<'sent' | 'skipped'> {
    const found = await this.transactions.run(async (manager) => {
      const mail = await this.notifications.findMail(manager, mailId);
      if (!mail || mail.status !== 'pending') return null;
      return { mail, content: await this.outbox.contentOf(manager, mail) };
    });
    if (!found) return 'skipped';
    await this.deliver(found.mail, found.content);
    await this.transactions.run((manager) =>
      this.notifications.updatePendingMail(manager, mailId, {
        status: 'sent',
        sentAt: this.clock.now(),
        attempts: found.mail.attempts + 1,
        lastError: null,
      }),
    );
    return 'sent';
  }

  private async deliver(mail: NotificationMail, content: MailContent): Promise<void> {
    try {
      await this.transport.send({ id: mail.id, to: mail.recipientEmail, ...content });
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      const permanent = refusedForGood(error);
      await this.transactions.run((manager) =>
        this.notifications.updatePendingMail(manager, mail.id, {
          attempts: mail.attempts + 1,
          lastError: message,
          ...(permanent ? { status: 'failed' as const } : {}),
        }),
      );
      // A refusal no retry changes ends the job; anything else is retried with backoff, then by the reconciliation.
      throw permanent ? new UnrecoverableError(message) : error;
    }
  }
}
