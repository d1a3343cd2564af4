import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CancelledBy, StopReason, VisitOutcome } from '../../machines/case-events.js';

/** A visit as logged after it took place (or did not). */
@Entity('visits')
@Index('UQ_visits_idempotency_key', ['idempotencyKey'], { unique: true })
export class Visit {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: Date })
  occurredAt!: Date;

  @Column({ type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'varchar', length: 12 })
  outcome!: VisitOutcome;

  @Column({ type: 'varchar', length: 32, nullable: true })
  stopReason!: StopReason | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: Date })
  loggedAt!: Date;

  @Column({ type: 'varchar', length: 120 })
  loggedBy!: string;

  /** The planned visit this one took place as, if it was planned in the system. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  planId!: string | null;

  /** The supporter on the case when the visit was logged: whose pay it counts toward. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  supporterId!: string | null;

  /** Who called the visit off (cancelled), or who did not come (noShow). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  cancelledBy!: CancelledBy | null;

  /** Why the visit did not take place. */
  @Column({ type: 'text', nullable: true })
  absenceReason!: string | null;

  /** The child a stop, cancellation or absence concerns (position among the case's children). */
  @Column({ type: 'integer', nullable: true })
  childPosition!: number | null;

  /** The key the device sent it with (Idempotency-Key): a repeat with the same key files nothing. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKey!: string | null;
}
