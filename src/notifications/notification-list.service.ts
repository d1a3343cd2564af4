import { Injectable } from '@nestjs/common';
import { In, type FindOptionsWhere } from 'typeorm';
import type { Page } from '../common/paging.dto.js';
import { ListTotals } from '../database/list-totals.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { NotificationItem } from './notification-item.entity.js';
import { MAIL_STATUSES, NotificationMail, type MailStatus } from './notification-mail.entity.js';

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
  private readonly totals = new ListTotals();

  constructor(private readonly transactions: TransactionRunner) {}

  list(
    status: MailStatus | undefined,
    limit: number,
    offset: number,
  ): Promise<Page<NotificationMailView> & { counts: Record<MailStatus, number> }> {
    return this.transactions.run(async (manager) => {
      const where: FindOptionsWhere<NotificationMail> = status ? { status } : {};
      // Counted first: a mail that reaches the status in between then shows in the items, never in a total whose items lack it.
      const total = await this.totals.count(manager, NotificationMail, where, status ?? 'all');
      const mails = await manager.find(NotificationMail, {
        where,
        order: { createdAt: 'DESC', id: 'ASC' },
        take: limit,
        skip: offset,
      });
      const items =
        mails.length > 0 ? await manager.find(NotificationItem, { where: { mailId: In(mails.map((m) => m.id)) } }) : [];
      const countByStatus = () =>
        manager
          .createQueryBuilder(NotificationMail, 'mail')
          .select('mail.status', 'status')
          .addSelect('COUNT(*)', 'count')
          .groupBy('mail.status')
          .getRawMany<{ status: MailStatus; count: string | number }>();
      // The counts per status read every mail: past a small outbox they are kept like a large total.
      const grouped = (await this.totals.exceeds(manager, NotificationMail, {}))
        ? await this.totals.keep('counts', countByStatus)
        : await countByStatus();
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
