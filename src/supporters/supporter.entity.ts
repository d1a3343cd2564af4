import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A contact supporter (umgängesstödjare) the unit can appoint. */
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

  @Column({ type: Date })
  createdAt!: Date;
}
