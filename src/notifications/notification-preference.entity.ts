import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationMode, NotifiedKind } from './notification-kinds.js';

/** A person's choice for one alert kind; without a row the default holds. */
@Entity('notification_preferences')
export class NotificationPreference {
  /** The token subject of the person. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  subject!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  alertKind!: NotifiedKind;

  @Column({ type: 'varchar', length: 10 })
  mode!: NotificationMode;

  @Column({ type: Date })
  updatedAt!: Date;
}
