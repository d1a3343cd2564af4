import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const REPORT_FORMS = ['text', 'scan'] as const;
export type ReportForm = (typeof REPORT_FORMS)[number];

/**
 * A report on one visit, filed to the child's record: the supporter's text or the secretary's
 * scan. Never changed or removed (SOSFS 2014:5): a correction is a new report naming the one it corrects,
 * and a report is corrected once (a later correction corrects the correction): the services check it
 * under the case's lock, the unique index holds it in the database.
 */
@Entity('visit_reports')
@Index('UQ_visit_reports_corrects', ['correctsId'], { unique: true })
@Index('UQ_visit_reports_idempotency_key', ['idempotencyKey'], { unique: true })
export class VisitReport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  visitId!: string;

  @Column({ type: 'varchar', length: 8 })
  form!: ReportForm;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  /** The scanned report, a document on the case. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  documentId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  correctsId!: string | null;

  @Column({ type: Date })
  filedAt!: Date;

  @Column({ type: 'varchar', length: 120 })
  filedBy!: string;

  @Column({ type: 'varchar', length: 20 })
  filedByRole!: string;

  /** The key the device sent it with (Idempotency-Key): a repeat with the same key files nothing. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKey!: string | null;
}
