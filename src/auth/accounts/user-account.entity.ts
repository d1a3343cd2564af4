import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../common/actor.js';

/** A person who signs in with a password (the embedded default; `npm run user:add` creates one). */
@Entity('user_accounts')
export class UserAccount {
  /** What they type to sign in, and the subject their actions are recorded under. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  username!: string;

  /** The name shown to them and to colleagues. */
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  /** For a supporter: the supporter record they are. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  supporterId!: string | null;

  /** argon2id, in its own encoded form (algorithm, parameters and salt included). */
  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  /** Wrong passwords since the last sign-in or lock. */
  @Column({ type: 'integer', default: 0 })
  failedAttempts!: number;

  /** Until when sign-in is refused after too many wrong passwords. */
  @Column({ type: Date, nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: Date })
  createdAt!: Date;
}
