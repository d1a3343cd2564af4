import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in browser. The cookie carries the session id; only its hash is kept, so a copy of the
 * table opens no session. It holds the person as sign-in found them: the same actor a bearer
 * token would make.
 */
@Entity('browser_sessions')
export class BrowserSession {
  /** SHA-256 of the session id, hex. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  idHash!: string;

  /** The actor's id: the local username, or the provider's subject. */
  @Index()
  @Column({ type: 'varchar', length: 120 })
  subject!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The roles sign-in granted, comma-separated: like a token's, the route's rule picks the one acted in. */
  @Column({ type: 'varchar', length: 100 })
  roles!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  supporterId!: string | null;

  @Column({ type: Date })
  createdAt!: Date;

  /** The last request seen (kept to the minute): the idle timeout counts from here. */
  @Index()
  @Column({ type: Date })
  lastSeenAt!: Date;
}
