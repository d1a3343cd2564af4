import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day's digest was composed: the process whose insert of its key wins composes it (another process, a retry, find it taken). */
@Entity('notification_digests')
export class DigestRun {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: Date })
  composedAt!: Date;

  @Column({ type: 'integer' })
  mails!: number;
}
