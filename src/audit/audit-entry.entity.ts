import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One look at or change of protected data, allowed or refused. Appended, never changed: each
 * entry carries a keyed hash bound to the one before, so an edited or removed entry breaks the chain.
 */
@Entity('audit_trail')
export class AuditEntry {
  /** 1, 2, 3, … with no gaps: a missing number is a removed entry. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Index()
  @Column({ type: Date })
  at!: Date;

  /** The token's subject; none when no valid token came with the request. */
  @Index()
  @Column({ type: 'varchar', length: 120, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 8 })
  action!: 'read' | 'write';

  /** The route, as declared (`GET /cases/:id`): never the URL itself, which could carry data. */
  @Column({ type: 'varchar', length: 200 })
  resource!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  /** What within or beside the case was looked at or changed (`document:<id>`, `supporter:<id>`). */
  @Column({ type: 'varchar', length: 80, nullable: true })
  subject!: string | null;

  /** How `hash` was made (audit-chain.ts): entries written before the chain had a key stay verifiable. */
  @Column({ type: 'integer', default: 1 })
  scheme!: number;

  @Column({ type: 'boolean' })
  allowed!: boolean;

  /** The HTTP status the caller was answered with. */
  @Column({ type: 'integer' })
  status!: number;

  @Column({ type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
