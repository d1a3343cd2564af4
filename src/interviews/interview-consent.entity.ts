import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const GUARDIANS = ['residentParent', 'visitingParent'] as const;
export type Guardian = (typeof GUARDIANS)[number];

/**
 * One guardian's consent to one child's interview. A withdrawal is written on the row (the day it
 * was withdrawn); consent given again is a new row, so the record keeps every turn.
 */
@Entity('interview_consents')
@Index(['caseId', 'childPosition'])
export class InterviewConsent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'integer' })
  childPosition!: number;

  @Column({ type: 'varchar', length: 20 })
  guardian!: Guardian;

  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  givenOn!: string;

  @Column({ type: 'boolean' })
  atStartupMeeting!: boolean;

  @Column({ type: 'varchar', length: 10, nullable: true })
  withdrawnOn!: string | null;

  @Column({ type: Date })
  recordedAt!: Date;

  @Column({ type: 'varchar', length: 120 })
  recordedBy!: string;
}
