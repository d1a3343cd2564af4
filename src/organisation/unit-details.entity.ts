import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The unit's own details, printed on every letter: one row, written by the administrator. */
@Entity('unit_details')
export class UnitDetails {
  /** Always `unit`: the service serves one family-law unit. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  id!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  municipality!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  committee!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  unitName!: string | null;

  /** Lines separated by newlines, as they go on the letter. */
  @Column({ type: 'text', nullable: true })
  postalAddress!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  /** When the unit answers the phone, e.g. `måndag–fredag 9.00–10.00`. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  phoneHours!: string | null;

  @Column({ type: Date })
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 120 })
  updatedBy!: string;
}
