import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day's digest was composed: its key makes a second composition (another process, a retry) fail. */
@Entity('notification_digests')
export class DigestRun {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: Date })
  composedAt!: Date;

  @Column({ type: 'integer' })
  mails!: number;
}
