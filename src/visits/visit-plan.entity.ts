import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A visit booked ahead: when, where and with which supporter. Logging its outcome creates the visit. */
@Entity('visit_plans')
export class VisitPlan {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: Date })
  plannedFor!: Date;

  @Column({ type: 'varchar', length: 200 })
  place!: string;

  @Column({ type: 'varchar', length: 36 })
  supporterId!: string;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 120 })
  createdBy!: string;
}
