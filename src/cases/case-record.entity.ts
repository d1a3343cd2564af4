import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PersistedCase } from '../../machines/case-decisions.js';

/** One contact-support assignment: its machine snapshot and the judgment's searchable facts. */
@Entity('cases')
@Index('IDX_cases_state_created', ['state', 'createdAt', 'id'])
@Index('IDX_cases_created', ['createdAt', 'id'])
@Index('IDX_cases_court_case', ['court', 'courtCaseNumber'])
export class CaseRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The machine version the case was created with; it is always advanced by that version. */
  @Column({ type: 'varchar', length: 64 })
  machineVersion!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  state!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  subState!: string | null;

  @Column({ type: 'simple-json' })
  snapshot!: PersistedCase;

  /** Optimistic lock: every accepted event adds one. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 120 })
  court!: string;

  @Column({ type: 'varchar', length: 20 })
  courtCaseNumber!: string;

  @Column({ type: 'varchar', length: 10 })
  periodStart!: string;

  @Column({ type: 'varchar', length: 10 })
  periodEnd!: string;

  /** The supporter appointed now, from the machine's context (machines/case-facts.ts). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  supporterId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  diaryNumber!: string | null;

  /** The token subject of the secretary who answers for the case; set at registration, changeable. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  responsibleSecretaryId!: string | null;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  updatedAt!: Date;
}
