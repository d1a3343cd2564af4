import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type MailType = 'alert' | 'digest';
export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * The outbox: one mail to one address, written in the transaction that decided it, sent by a job.
 * `failed` means the mail server refused it for good; anything else is retried until it is sent.
 */
@Entity('notification_mails')
@Index(['status', 'createdAt'])
export class NotificationMail {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  type!: MailType;

  @Column({ type: 'varchar', length: 254 })
  recipientEmail!: string;

  /** The person it is for (token subject), where the case names one. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  recipientSubject!: string | null;

  @Column({ type: 'varchar', length: 10 })
  status!: MailStatus;

  /** Sending attempts so far (each retry after an unclear failure counts). */
  @Column({ type: 'integer' })
  attempts!: number;

  /** What the mail server (or the connection to it) last answered, when it did not take the mail. */
  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** The Swedish day a digest covers up to. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  digestDay!: string | null;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  sentAt!: Date | null;
}
