import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

export const INTERVIEW_STATUSES = ['consented', 'booked', 'held', 'declined'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/** One child's interview (barnsamtal): consent, booking, and then held with notes, or declined. */
@Entity('child_interviews')
@Unique(['caseId', 'childPosition'])
export class ChildInterview {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  /** The child's place among the judgment's children (0 for the first). */
  @Column({ type: 'integer' })
  childPosition!: number;

  @Column({ type: 'varchar', length: 12 })
  status!: InterviewStatus;

  @Column({ type: 'varchar', length: 10, nullable: true })
  consentGivenOn!: string | null;

  @Column({ type: Boolean, nullable: true })
  consentGivenAtStartupMeeting!: boolean | null;

  @Column({ type: Date, nullable: true })
  bookedFor!: Date | null;

  @Column({ type: Date, nullable: true })
  heldAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: Date, nullable: true })
  declinedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ type: Date })
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 120 })
  updatedBy!: string;
}
