import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/api-docs.js';
import {
  DEFAULT_MODES,
  NOTIFICATION_MODES,
  NOTIFIED_KINDS,
  type NotificationMode,
  type NotifiedKind,
} from '../notification-kinds.js';
import { MAIL_STATUSES } from '../notification-mail.entity.js';

class MailAlert {
  @ApiProperty({ format: 'uuid' }) alertId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: NOTIFIED_KINDS }) kind!: string;
}

/** One mail of the outbox: an alert sent at once, or a day's digest. */
export class NotificationMailResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['alert', 'digest'] }) type!: string;
  @ApiProperty({ enum: MAIL_STATUSES }) status!: string;
  @ApiProperty({ example: 'anna.berg@kommun.se' }) recipientEmail!: string;
  @ApiProperty({ type: String, nullable: true, example: 'anna', description: 'The token subject of the recipient' })
  recipientSubject!: string | null;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'What the mail server answered the last failed attempt' })
  lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'A digest: the day it gathers' })
  digestDay!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ type: [MailAlert] }) alerts!: MailAlert[];
}

class MailCounts {
  @ApiProperty() pending!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() failed!: number;
}

export class NotificationMailListResponse extends PageOf(NotificationMailResponse) {
  @ApiProperty({ type: MailCounts, description: 'How many mails there are in each status, regardless of the filter' })
  counts!: MailCounts;
}

/** A mode per alert kind, every kind present. */
class NotificationModes {}
for (const kind of NOTIFIED_KINDS) {
  ApiProperty({ enum: NOTIFICATION_MODES, example: DEFAULT_MODES[kind] })(NotificationModes.prototype, kind);
}

export class NotificationPreferencesResponse {
  @ApiProperty({ type: NotificationModes, description: 'Your mode per alert kind, defaults filled in' }) modes!: Record<
    NotifiedKind,
    NotificationMode
  >;
  @ApiProperty({ type: NotificationModes, description: 'What holds for a kind you have not chosen' }) defaults!: Record<
    NotifiedKind,
    NotificationMode
  >;
}
