import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { UniqueIndex } from '../database/unique-violation.js';

export const REPORT_FORMS = ['text', 'scan'] as const;
export type ReportForm = (typeof REPORT_FORMS)[number];

/** A report is corrected once; a later correction corrects the correction. */
export const ONE_CORRECTION_OF_A_REPORT: UniqueIndex = { name: 'UQ_visit_reports_corrects', table: 'visit_reports', columns: ['correctsId'] };

/**
 * A report on one visit, filed to the child's record: the supporter's text or the secretary's
 * scan. Never changed or removed (SOSFS 2014:5): a correction is a new report naming the one it corrects.
 */
@Entity('visit_reports')
@Index(ONE_CORRECTION_OF_A_REPORT.name, ONE_CORRECTION_OF_A_REPORT.columns, { unique: true })
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
}
