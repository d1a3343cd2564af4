import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a caseworker signs the unit's letters: kept by the caseworker, keyed by their token subject. */
@Entity('staff_profiles')
export class StaffProfile {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  subject!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** E.g. `Familjerättssekreterare`. */
  @Column({ type: 'varchar', length: 120 })
  title!: string;

  /** The direct number a letter's recipient calls. */
  @Column({ type: 'varchar', length: 40 })
  phone!: string;

  @Column({ type: 'varchar', length: 200 })
  email!: string;

  @Column({ type: Date })
  updatedAt!: Date;
}
