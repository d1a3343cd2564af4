import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { Alert } from '../alerts/alert.entity.js';
import { CaseRecord } from '../cases/case-record.entity.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TableStatements } from '../database/table-statements.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { DigestRun } from './digest-run.entity.js';
import { alertMail, digestMail, type CaseNotice, type MailContent } from './mail-content.js';
import { MailDispatch } from './mail-dispatch.service.js';
import { isNotifiedKind, type NotifiedKind } from './notification-kinds.js';
import { NotificationItem } from './notification-item.entity.js';
import { NotificationMail, type MailType } from './notification-mail.entity.js';
import { NotificationPreferences } from './notification-preferences.service.js';
import { NotificationRecipients } from './notification-recipients.service.js';
import { isWorkingDay, swedishDayAndHour } from './working-days.js';

/** How many pending mails one reconciliation looks at; the rest wait for the next one. */
const RECONCILE_BATCH = 1000;

/** Inserts carry at most this many rows (SQLite and PostgreSQL bound a statement's parameters). */
const ROWS_PER_STATEMENT = 500;

/** The outbox: what each alert turns into (a mail now, a line in the digest, or nothing), and each mail's text. */
@Injectable()
export class NotificationOutbox {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly recipients: NotificationRecipients,
    private readonly preferences: NotificationPreferences,
    private readonly dispatch: MailDispatch,
  ) {}

  /**
   * Inside the transaction that raised the alerts: they are told with it or not at all. Many
   * raised together (reminders falling due at once) cost a few statements, not a few per alert.
   */
  async recordWithin(manager: EntityManager, alerts: Alert[]): Promise<void> {
    const notified = alerts.filter((alert) => isNotifiedKind(alert.kind));
    if (notified.length === 0) return;
    const recipients = await this.recipients.forCases(manager, [...new Set(notified.map((alert) => alert.caseId))]);
    const modes = new Map<string | null, Awaited<ReturnType<NotificationPreferences['modesWithin']>>>();
    const mails: NotificationMail[] = [];
    const items: Partial<NotificationItem>[] = [];
    for (const alert of notified) {
      for (const recipient of recipients.get(alert.caseId) ?? []) {
        if (!modes.has(recipient.subject))
          modes.set(recipient.subject, await this.preferences.modesWithin(manager, recipient.subject));
        const mode = modes.get(recipient.subject)![alert.kind as NotifiedKind];
        if (mode === 'off') continue;
        const mailId = mode === 'immediate' ? randomUUID() : null;
        if (mailId) mails.push(this.newMail(mailId, 'alert', recipient.email, recipient.subject, alert.raisedAt));
        items.push({
          id: randomUUID(),
          alertId: alert.id,
          caseId: alert.caseId,
          alertKind: alert.kind,
          recipientEmail: recipient.email,
          recipientSubject: recipient.subject,
          mailId,
          createdAt: alert.raisedAt,
        });
      }
    }
    const mailTable = TableStatements.of(manager.connection, NotificationMail);
    const itemTable = TableStatements.of(manager.connection, NotificationItem);
    for (let i = 0; i < mails.length; i += ROWS_PER_STATEMENT)
      await mailTable.insert(manager, mails.slice(i, i + ROWS_PER_STATEMENT));
    for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT)
      await itemTable.insert(manager, items.slice(i, i + ROWS_PER_STATEMENT));
    if (mails.length > 0)
      this.dispatch.afterCommit(
        manager,
        mails.map((mail) => mail.id),
      );
  }

  /**
   * The day's digest, once its hour has come on a working day (Swedish time, by the service's
   * clock): every alert waiting since the last one, one mail per address. Composed once a day
   * however many processes try; a day the service was down is caught up when it starts.
   */
  async composeDigestIfDue(): Promise<number> {
    const now = this.clock.now();
    const { day, hour } = swedishDayAndHour(now);
    if (!isWorkingDay(day) || hour < this.config.notifications.digestHour) return 0;
    return this.transactions.run(async (manager) => {
      // Claimed, not looked up first: processes that try at the same moment all see no digest yet, and one insert must win quietly.
      if (
        (await TableStatements.of(manager.connection, DigestRun).insertIfAbsent(manager, [
          { day, composedAt: now, mails: 0 },
        ])) === 0
      )
        return 0;
      const waiting = await manager.find(NotificationItem, {
        where: { mailId: IsNull(), createdAt: LessThanOrEqual(now) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const byAddress = new Map<string, NotificationItem[]>();
      for (const item of waiting)
        byAddress.set(item.recipientEmail, [...(byAddress.get(item.recipientEmail) ?? []), item]);
      const mailIds: string[] = [];
      for (const [email, items] of byAddress) {
        const mailId = randomUUID();
        // A shared mailbox's digest serves several people: it names one only when it is one person's.
        const subjects = new Set(items.map((i) => i.recipientSubject));
        const subject = subjects.size === 1 ? items[0].recipientSubject : null;
        await manager.insert(NotificationMail, {
          ...this.newMail(mailId, 'digest', email, subject, now),
          digestDay: day,
        });
        await manager.update(NotificationItem, { id: In(items.map((i) => i.id)) }, { mailId });
        mailIds.push(mailId);
      }
      await manager.update(DigestRun, { day }, { mails: mailIds.length });
      this.dispatch.afterCommit(manager, mailIds);
      return mailIds.length;
    });
  }

  /** The oldest mails not yet sent, for the reconciliation. */
  async pendingIds(): Promise<string[]> {
    const rows = await this.transactions.run((manager) =>
      manager.find(NotificationMail, {
        where: { status: 'pending' },
        select: { id: true },
        order: { createdAt: 'ASC' },
        take: RECONCILE_BATCH,
      }),
    );
    return rows.map((r) => r.id);
  }

  /** A mail's text, built when it is sent from what the database says then: the case's diary number, the link. */
  async contentOf(manager: EntityManager, mail: NotificationMail): Promise<MailContent> {
    const items = await manager.find(NotificationItem, {
      where: { mailId: mail.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const caseIds = [...new Set(items.map((i) => i.caseId))];
    const cases = await manager.find(CaseRecord, {
      where: { id: In(caseIds) },
      select: { id: true, diaryNumber: true },
    });
    const resolved = new Set(
      (
        await manager.find(Alert, {
          where: { id: In(items.map((i) => i.alertId)) },
          select: { id: true, resolvedAt: true },
        })
      )
        .filter((a) => a.resolvedAt)
        .map((a) => a.id),
    );
    const notices: CaseNotice[] = caseIds.map((caseId) => ({
      caseId,
      diaryNumber: cases.find((c) => c.id === caseId)?.diaryNumber ?? null,
      // The case's page in the web app (its route /arenden/:id), the page a person opens: never a JSON route.
      link: `${this.config.notifications.publicBaseUrl}/arenden/${caseId}`,
      alerts: items
        .filter((i) => i.caseId === caseId)
        .map((i) => ({ kind: i.alertKind, resolved: resolved.has(i.alertId) })),
    }));
    return mail.type === 'digest' ? digestMail(mail.digestDay!, notices) : alertMail(notices[0]);
  }

  private newMail(
    id: string,
    type: MailType,
    email: string,
    subject: string | null,
    createdAt: Date,
  ): NotificationMail {
    return Object.assign(new NotificationMail(), {
      id,
      type,
      recipientEmail: email,
      recipientSubject: subject,
      status: 'pending',
      attempts: 0,
      lastError: null,
      digestDay: null,
      createdAt,
      sentAt: null,
    });
  }
}
