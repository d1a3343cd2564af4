import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What disposal (gallring) keeps of a case, for statistics: no party, no court, no text. */
export interface DisposedCounts {
  children: number;
  visits: number;
  visitReports: number;
  documents: number;
  historyEntries: number;
}

@Entity('disposed_cases')
export class DisposedCase {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'varchar', length: 32 })
  state!: string;

  @Column({ type: Date })
  registeredAt!: Date;

  @Column({ type: 'varchar', length: 10 })
  periodStart!: string;

  @Column({ type: 'varchar', length: 10 })
  periodEnd!: string;

  @Column({ type: Date })
  archivedAt!: Date;

  @Column({ type: 'varchar', length: 10 })
  disposalDate!: string;

  @Column({ type: Date })
  disposedAt!: Date;

  @Column({ type: 'varchar', length: 120 })
  disposedBy!: string;

  @Column({ type: 'simple-json' })
  counts!: DisposedCounts;
}
