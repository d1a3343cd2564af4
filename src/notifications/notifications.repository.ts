import { Injectable } from '@nestjs/common';
import { In, IsNull, LessThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { ListTotals } from '../database/list-totals.js';
import { RowMapper, run, type Sql } from '../database/sql.js';
import { DigestRun } from './digest-run.entity.js';
import type { NotificationMode, NotifiedKind } from './notification-kinds.js';
import { NotificationItem } from './notification-item.entity.js';
import { NotificationMail, type MailStatus } from './notification-mail.entity.js';
import { NotificationPreference } from './notification-preference.entity.js';

const MAIL_COLUMNS = [
  'id',
  'type',
  'recipientEmail',
  'recipientSubject',
  'status',
  'attempts',
  'lastError',
  'digestDay',
  'createdAt',
  'sentAt',
] as const satisfies readonly (keyof NotificationMail)[];

const ITEM_COLUMNS = [
  'id',
  'alertId',
  'caseId',
  'alertKind',
  'recipientEmail',
  'recipientSubject',
  'mailId',
  'createdAt',
] as const satisfies readonly (keyof NotificationItem)[];

const INSERT_MAILS: Sql = {
  postgres:
    'INSERT INTO "notification_mails" (id, type, "recipientEmail", "recipientSubject", status, attempts, "lastError", "digestDay", "createdAt", "sentAt") ' +
    'SELECT id, type, "recipientEmail", "recipientSubject", status, attempts, "lastError", "digestDay", "createdAt", "sentAt" FROM json_populate_recordset(NULL::"notification_mails", $1)',
  sqlite:
    'INSERT INTO "notification_mails" (id, type, "recipientEmail", "recipientSubject", status, attempts, "lastError", "digestDay", "createdAt", "sentAt") ' +
    `SELECT value ->> 'id', value ->> 'type', value ->> 'recipientEmail', value ->> 'recipientSubject', value ->> 'status', value ->> 'attempts', value ->> 'lastError', value ->> 'digestDay', value ->> 'createdAt', value ->> 'sentAt' FROM json_each(?)`,
};

const INSERT_ITEMS: Sql = {
  postgres:
    'INSERT INTO "notification_items" (id, "alertId", "caseId", "alertKind", "recipientEmail", "recipientSubject", "mailId", "createdAt") ' +
    'SELECT id, "alertId", "caseId", "alertKind", "recipientEmail", "recipientSubject", "mailId", "createdAt" FROM json_populate_recordset(NULL::"notification_items", $1)',
  sqlite:
    'INSERT INTO "notification_items" (id, "alertId", "caseId", "alertKind", "recipientEmail", "recipientSubject", "mailId", "createdAt") ' +
    `SELECT value ->> 'id', value ->> 'alertId', value ->> 'caseId', value ->> 'alertKind', value ->> 'recipientEmail', value ->> 'recipientSubject', value ->> 'mailId', value ->> 'createdAt' FROM json_each(?)`,
};

/** On PostgreSQL a claim made while another holds the day uncommitted waits for its outcome. */
const CLAIM_DIGEST: Sql = {
  postgres: 'INSERT INTO "notification_digests" (day, "composedAt", mails) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING',
  sqlite: 'INSERT INTO "notification_digests" (day, "composedAt", mails) VALUES (?, ?, 0) ON CONFLICT DO NOTHING',
};

/** The outbox's mails, their items, the digests composed and each person's choices, inside the caller's transaction. */
@Injectable()
export class NotificationsRepository {
  private readonly totals = new ListTotals();

  /** Mails and items in one statement each, however many. */
  async insert(
    manager: EntityManager,
    mails: readonly NotificationMail[],
    items: readonly Partial<NotificationItem>[],
  ) {
    if (mails.length > 0)
      await run(manager, INSERT_MAILS, [RowMapper.of(manager, NotificationMail).json(mails, MAIL_COLUMNS)]);
    if (items.length > 0)
      await run(manager, INSERT_ITEMS, [RowMapper.of(manager, NotificationItem).json(items, ITEM_COLUMNS)]);
  }

  /** Claims the day's digest: false when another process (or an earlier run) claimed it first. */
  async claimDigest(manager: EntityManager, day: string, now: Date): Promise<boolean> {
    const composedAt = RowMapper.of(manager, DigestRun).value('composedAt', now);
    return (await run(manager, CLAIM_DIGEST, [day, composedAt])).affected > 0;
  }

  async setDigestMails(manager: EntityManager, day: string, mails: number): Promise<void> {
    await manager.update(DigestRun, { day }, { mails });
  }

  /** The items no mail carries yet, up to `now`, oldest first: the digest's. */
  itemsWaitingForDigest(manager: EntityManager, now: Date): Promise<NotificationItem[]> {
    return manager.find(NotificationItem, {
      where: { mailId: IsNull(), createdAt: LessThanOrEqual(now) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async insertMail(manager: EntityManager, mail: NotificationMail): Promise<void> {
    await manager.insert(NotificationMail, mail);
  }

  async assignItems(manager: EntityManager, itemIds: string[], mailId: string): Promise<void> {
    await manager.update(NotificationItem, { id: In(itemIds) }, { mailId });
  }

  /** The ids of the oldest mails not yet sent, up to `limit`. */
  async pendingMailIds(manager: EntityManager, limit: number): Promise<string[]> {
    const rows = await manager.find(NotificationMail, {
      where: { status: 'pending' },
      select: { id: true },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    return rows.map((row) => row.id);
  }

  findMail(manager: EntityManager, mailId: string): Promise<NotificationMail | null> {
    return manager.findOneBy(NotificationMail, { id: mailId });
  }

  /** The mail's items, in the order they were recorded. */
  itemsOfMail(manager: EntityManager, mailId: string): Promise<NotificationItem[]> {
    return manager.find(NotificationItem, { where: { mailId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Changes the mail while it is still pending (a retry, or another process, may have settled it). */
  async updatePendingMail(manager: EntityManager, mailId: string, changes: Partial<NotificationMail>): Promise<void> {
    await manager.update(NotificationMail, { id: mailId, status: 'pending' }, changes);
  }

  /** A page of the outbox (of one status), newest first, with each mail's items, the total and the counts per status. */
  async page(
    manager: EntityManager,
    status: MailStatus | undefined,
    limit: number,
    offset: number,
  ): Promise<{
    total: number;
    mails: NotificationMail[];
    items: NotificationItem[];
    counts: { status: MailStatus; count: string | number }[];
  }> {
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
    const countByStatus = () => this.countsByStatus(manager);
    // The counts per status read every mail: past a small outbox they are kept like a large total.
    const counts = (await this.totals.exceeds(manager, NotificationMail, {}))
      ? await this.totals.keep('counts', countByStatus)
      : await countByStatus();
    return { total, mails, items, counts };
  }

  /** How many mails there are of each status (of these only, when given); a status none has is left out. */
  countsByStatus(
    manager: EntityManager,
    statuses?: MailStatus[],
  ): Promise<{ status: MailStatus; count: string | number }[]> {
    const query = manager
      .createQueryBuilder(NotificationMail, 'mail')
      .select('mail.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('mail.status');
    if (statuses) query.where('mail.status IN (:...statuses)', { statuses });
    return query.getRawMany<{ status: MailStatus; count: string | number }>();
  }

  /** The person's chosen modes. */
  preferencesOf(manager: EntityManager, subject: string): Promise<NotificationPreference[]> {
    return manager.findBy(NotificationPreference, { subject });
  }

  async setPreference(
    manager: EntityManager,
    subject: string,
    alertKind: NotifiedKind,
    mode: NotificationMode,
    now: Date,
  ): Promise<void> {
    await manager.upsert(NotificationPreference, { subject, alertKind, mode, updatedAt: now }, [
      'subject',
      'alertKind',
    ]);
  }
}
