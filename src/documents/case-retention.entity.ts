import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When an archived case's file is to be disposed of (gallring), set once when it is archived. */
@Entity('case_retention')
export class CaseRetention {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: Date })
  archivedAt!: Date;

  /** The latest entry in the file, from which the retention period runs. */
  @Column({ type: Date })
  lastEntryAt!: Date;

  /** YYYY-MM-DD, Swedish calendar. */
  @Column({ type: 'varchar', length: 10 })
  disposalDate!: string;

  /** Set when the file is kept past its disposal date, and why: `researchSample` (a party born on a kept day). */
  @Column({ type: 'varchar', length: 24, nullable: true })
  keptFor!: 'researchSample' | null;
}
