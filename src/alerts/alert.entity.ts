import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AlertKind, AlertStatus } from './alert-kinds.js';

/**
 * Something a case's secretary should act on. Open until acknowledged; resolved by the system
 * when what it waited for has happened (or its deadline is moot).
 */
@Entity('alerts')
@Index(['deadlineId', 'kind'], { unique: true })
@Index(['resolvedAt', 'acknowledgedAt'])
export class Alert {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: AlertKind;

  /** The deadline that raised it. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  deadlineId!: string | null;

  /** Why a deadline failed (deadlineFailed only): the last error's message. */
  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ type: Date })
  raisedAt!: Date;

  @Column({ type: Date, nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  acknowledgedBy!: string | null;

  @Column({ type: Date, nullable: true })
  resolvedAt!: Date | null;

  /** How it ended where that was not by what it waited for: `waived` (the secretary recorded why it never will). */
  @Column({ type: 'varchar', length: 12, nullable: true })
  resolution!: 'waived' | null;

  get status(): AlertStatus {
    if (this.resolvedAt) return this.resolution ?? 'resolved';
    return this.acknowledgedAt ? 'acknowledged' : 'open';
  }
}
