import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotifiedKind } from './notification-kinds.js';

/**
 * One alert to be told to one address: in an immediate mail at once, or waiting (no mail yet) for
 * the next digest. At most one per alert and address, so an alert is never told twice.
 */
@Entity('notification_items')
@Index(['alertId', 'recipientEmail'], { unique: true })
@Index(['mailId'])
export class NotificationItem {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  alertId!: string;

  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'varchar', length: 40 })
  alertKind!: NotifiedKind;

  @Column({ type: 'varchar', length: 254 })
  recipientEmail!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  recipientSubject!: string | null;

  /** The mail that tells it; none while it waits for the digest. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  mailId!: string | null;

  @Column({ type: Date })
  createdAt!: Date;
}
