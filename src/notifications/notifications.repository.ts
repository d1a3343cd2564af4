import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RowMapper, run, type Sql } from '../database/sql.js';
import { DigestRun } from './digest-run.entity.js';
import { NotificationItem } from './notification-item.entity.js';
import { NotificationMail } from './notification-mail.entity.js';

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

/** The outbox's mails, their items and the digests composed, inside the caller's transaction. */
@Injectable()
export class NotificationsRepository {
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
}
