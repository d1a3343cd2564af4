import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One month's export to the payroll office, made once: exporting the month again gives the same
 * file. It covered the visits recorded beside it (`CompensationExportedVisit`).
 */
@Entity('compensation_exports')
export class CompensationExport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The month exported (`2026-12`). */
  @Index('IDX_compensation_exports_month', { unique: true })
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: Date })
  exportedAt!: Date;

  @Column({ type: 'varchar', length: 120 })
  exportedBy!: string;
}

/** A visit paid in an export: each visit is paid in one export only, never twice. */
@Entity('compensation_exported_visits')
export class CompensationExportedVisit {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  visitId!: string;

  @Index('IDX_compensation_exported_visits_export')
  @Column({ type: 'varchar', length: 36 })
  exportId!: string;
}
