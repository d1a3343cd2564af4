import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One accepted event: an entry in the case's record, appended and never changed. */
@Entity('case_history')
@Index(['caseId', 'version'], { unique: true })
export class CaseHistoryEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  /** The case's version this event produced (1 for the registration). */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'simple-json' })
  payload!: object;

  @Column({ type: 'varchar', length: 32, nullable: true })
  fromState!: string | null;

  @Column({ type: 'varchar', length: 32 })
  toState!: string;

  @Column({ type: Date })
  at!: Date;

  @Column({ type: 'varchar', length: 120 })
  actorId!: string;

  @Column({ type: 'varchar', length: 20 })
  actorRole!: string;
}
