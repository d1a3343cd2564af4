import { Injectable } from '@nestjs/common';
import type { Page } from '../common/paging.dto.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import type { NotificationItem } from './notification-item.entity.js';
import { MAIL_STATUSES, type MailStatus, type NotificationMail } from './notification-mail.entity.js';
import { NotificationsRepository } from './notifications.repository.js';

function mailView(mail: NotificationMail, items: NotificationItem[]) {
  return {
    id: mail.id,
    type: mail.type,
    status: mail.status,
    recipientEmail: mail.recipientEmail,
    recipientSubject: mail.recipientSubject,
    attempts: mail.attempts,
    lastError: mail.lastError,
    digestDay: mail.digestDay,
    createdAt: mail.createdAt.toISOString(),
    sentAt: mail.sentAt?.toISOString() ?? null,
    alerts: items.map((i) => ({ alertId: i.alertId, caseId: i.caseId, kind: i.alertKind })),
  };
}

export type NotificationMailView = ReturnType<typeof mailView>;

/** The outbox as the administrator sees it: what went, what waits, what the mail server refused. */
@Injectable()
export class NotificationList {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationsRepository,
  ) {}

  list(
    status: MailStatus | undefined,
    limit: number,
    offset: number,
  ): Promise<Page<NotificationMailView> & { counts: Record<MailStatus, number> }> {
    return this.transactions.run(async (manager) => {
      const { total, mails, items, counts: grouped } = await this.notifications.page(manager, status, limit, offset);
      const counts = Object.fromEntries(
        MAIL_STATUSES.map((s) => [s, Number(grouped.find((g) => g.status === s)?.count ?? 0)]),
      ) as Record<MailStatus, number>;
      return {
        items: mails.map((m) =>
          mailView(
            m,
            items.filter((i) => i.mailId === m.id),
          ),
        ),
        total,
        counts,
      };
    });
  }
}
