import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Alert } from '../alerts/alert.entity.js';
import { AlertsRepository } from '../alerts/alerts.repository.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { alertMail, digestMail, type CaseNotice, type MailContent } from './mail-content.js';
import { MailDispatch } from './mail-dispatch.service.js';
import { isNotifiedKind } from './notification-kinds.js';
import { NotificationItem } from './notification-item.entity.js';
import { NotificationMail, type MailType } from './notification-mail.entity.js';
import { NotificationPreferences } from './notification-preferences.service.js';
import { NotificationRecipients } from './notification-recipients.service.js';
import { NotificationsRepository } from './notifications.repository.js';
import { isWorkingDay, swedishDayAndHour } from './working-days.js';

/** How many pending mails one reconciliation looks at; the rest wait for the next one. */
const RECONCILE_BATCH = 1000;

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
    private readonly notifications: NotificationsRepository,
    private readonly cases: CasesRepository,
    private readonly alerts: AlertsRepository,
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
        const mode = modes.get(recipient.subject)![alert.kind];
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
    await this.notifications.insert(manager, mails, items);
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
      if (!(await this.notifications.claimDigest(manager, day, now))) return 0;
      const waiting = await this.notifications.itemsWaitingForDigest(manager, now);
      const byAddress = new Map<string, NotificationItem[]>();
      for (const item of waiting)
        byAddress.set(item.recipientEmail, [...(byAddress.get(item.recipientEmail) ?? []), item]);
      const mailIds: string[] = [];
      for (const [email, items] of byAddress) {
        const mailId = randomUUID();
        // A shared mailbox's digest serves several people: it names one only when it is one person's.
        const subjects = new Set(items.map((i) => i.recipientSubject));
        const subject = subjects.size === 1 ? items[0].recipientSubject : null;
        await this.notifications.insertMail(
          manager,
          Object.assign(this.newMail(mailId, 'digest', email, subject, now), { digestDay: day }),
        );
        await this.notifications.assignItems(
          manager,
          items.map((i) => i.id),
          mailId,
        );
        mailIds.push(mailId);
      }
      await this.notifications.setDigestMails(manager, day, mailIds.length);
      this.dispatch.afterCommit(manager, mailIds);
      return mailIds.length;
    });
  }

  /** The oldest mails not yet sent, for the reconciliation. */
  async pendingIds(): Promise<string[]> {
    return this.transactions.run((manager) => this.notifications.pendingMailIds(manager, RECONCILE_BATCH));
  }

  /** A mail's text, built when it is sent from what the database says then: the case's diary number, the link. */
  async contentOf(manager: EntityManager, mail: NotificationMail): Promise<MailContent> {
    const items = await this.notifications.itemsOfMail(manager, mail.id);
    const caseIds = [...new Set(items.map((i) => i.caseId))];
    const diaryNumbers = await this.cases.diaryNumbers(manager, caseIds);
    const resolved = new Set(
      (
        await this.alerts.resolution(
          manager,
          items.map((i) => i.alertId),
        )
      )
        .filter((a) => a.resolvedAt)
        .map((a) => a.id),
    );
    const notices: CaseNotice[] = caseIds.map((caseId) => ({
      caseId,
      diaryNumber: diaryNumbers.get(caseId) ?? null,
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
