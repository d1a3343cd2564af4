import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Sealed } from '../personal-data/sealed.decorator.js';

export const SUPPORTER_STATUSES = ['interested', 'approved', 'rejected'] as const;
export type SupporterStatus = (typeof SUPPORTER_STATUSES)[number];

/** A contact supporter (umgängesstödjare): from the expression of interest through vetting to appointments. */
@Entity('supporters')
export class Supporter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  phone!: string;

  @Column({ type: 'varchar', length: 200 })
  email!: string;

  /** The postal address the supporter's letters go to, sealed like a party's (src/personal-data/postal-address.ts). */
  @Sealed()
  @Column({ type: 'text', nullable: true })
  addressCiphertext!: string | null;

  @Column({ type: 'varchar', length: 12, default: 'interested' })
  status!: SupporterStatus;

  /** Languages the supporter speaks with parent and child, lower-case (`svenska`, `arabiska`). */
  @Column({ type: 'simple-json', default: '[]' })
  languages!: string[];

  @Column({ type: 'varchar', length: 120, nullable: true })
  area!: string | null;

  @Column({ type: 'text', nullable: true })
  availability!: string | null;

  /** How many assignments the supporter takes on at once. */
  @Column({ type: 'integer', default: 1 })
  capacity!: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  interviewHeldOn!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  referencesTakenOn!: string | null;

  /** The date of the extract from the criminal records register (belastningsregistret). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  criminalRecordExtractOn!: string | null;

  /** The date of the extract from the social services' records. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  socialServicesExtractOn!: string | null;

  @Column({ type: Date, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ type: Date })
  createdAt!: Date;
}
