import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeadlineKind } from '../../machines/deadline-rules.js';
import type { DeadlineEventType } from '../../machines/case-events.js';

export const DEADLINE_STATUSES = ['pending', 'fired', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** A deadline a case has: the truth the queue only delivers. */
@Entity('deadlines')
@Index(['status', 'dueAt'])
export class Deadline {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: DeadlineKind;

  @Column({ type: Date })
  dueAt!: Date;

  /** The event sent to the case when due; none for a reminder. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  event!: DeadlineEventType | null;

  @Column({ type: 'varchar', length: 12 })
  status!: DeadlineStatus;

  @Column({ type: Date })
  createdAt!: Date;

  /** When it fired or was cancelled. */
  @Column({ type: Date, nullable: true })
  settledAt!: Date | null;
}
