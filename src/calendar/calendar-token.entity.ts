import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A secretary's calendar feed token, kept only as its hash: the feed URL is the secret. */
@Entity('calendar_tokens')
export class CalendarToken {
  /** The token subject of the secretary: one live feed token each. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  ownerId!: string;

  /** SHA-256 of the token, hex. */
  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: Date })
  createdAt!: Date;
}
