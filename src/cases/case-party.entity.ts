import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const PARTY_ROLES = ['child', 'residentParent', 'visitingParent'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** A child or parent named in the judgment. Kept apart from the machine, which needs no personal data. */
@Entity('case_parties')
export class CaseParty {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: PartyRole;

  /** Order within the role, so children are listed as the judgment lists them. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** The personnummer sealed by PersonnummerProtector: never stored in clear text. */
  @Column({ type: 'varchar', length: 200 })
  personnummerCiphertext!: string;

  /** Keyed hash of the twelve-digit personnummer, to find a party's cases by it. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  personnummerHash!: string;
}
