import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Sealed } from '../personal-data/sealed.decorator.js';

export const PARTY_ROLES = ['child', 'residentParent', 'visitingParent'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Skyddade personuppgifter: sekretessmarkering, or skyddad folkbokföring (the stronger). */
export const PROTECTIONS = ['sekretessmarkering', 'skyddadFolkbokforing'] as const;
export type Protection = (typeof PROTECTIONS)[number];

/** Who has custody of a child: both parents, or one of them. */
export const CUSTODIES = ['joint', 'residentParent', 'visitingParent'] as const;
export type Custody = (typeof CUSTODIES)[number];

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
  @Sealed()
  @Column({ type: 'varchar', length: 200 })
  personnummerCiphertext!: string;

  /** Keyed hash of the twelve-digit personnummer, to find a party's cases by it. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  personnummerHash!: string;

  /** The postal address, sealed like the personnummer (src/personal-data/postal-address.ts); null when not known. */
  @Sealed()
  @Column({ type: 'text', nullable: true })
  addressCiphertext!: string | null;

  /** Set when the party has protected personal data: their address never leaves the service. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  protection!: Protection | null;

  /**
   * The secretary marked a risk (violence, threats) without protected personal data: as with
   * skyddad folkbokföring, the other parent must not learn where or when this party will be.
   */
  @Column({ type: 'boolean', default: false })
  meetingRisk!: boolean;

  /** For a child: who has custody (decides whose consent the child interview needs). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  custody!: Custody | null;
}
