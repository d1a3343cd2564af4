import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { PagingQuery } from '../../common/paging.dto.js';
import {
  DEFAULT_MODES,
  NOTIFICATION_MODES,
  NOTIFIED_KINDS,
  type NotificationMode,
  type NotifiedKind,
} from '../notification-kinds.js';
import { MAIL_STATUSES, type MailStatus } from '../notification-mail.entity.js';

export class ListNotificationsQuery extends PagingQuery {
  @ApiPropertyOptional({ enum: MAIL_STATUSES, description: 'Only mails in this state; all by default' })
  @IsOptional()
  @IsIn(MAIL_STATUSES)
  status?: MailStatus;
}

/** `{ "<alert kind>": "immediate" | "digest" | "off", … }`: the kinds given change, the others stay. */
export class UpdateNotificationPreferencesDto {}
export type PreferenceChanges = Partial<Record<NotifiedKind, NotificationMode>>;

// One optional property per alert kind, so an unknown kind or mode is refused (400) naming it. Left
// out means unchanged; null is no mode and is refused like any other (IsOptional would let it through).
for (const kind of NOTIFIED_KINDS) {
  ApiPropertyOptional({ enum: NOTIFICATION_MODES, default: DEFAULT_MODES[kind] })(
    UpdateNotificationPreferencesDto.prototype,
    kind,
  );
  ValidateIf((dto: Record<string, unknown>) => dto[kind] !== undefined)(
    UpdateNotificationPreferencesDto.prototype,
    kind,
  );
  IsIn(NOTIFICATION_MODES, { message: `${kind} must be one of: ${NOTIFICATION_MODES.join(', ')}` })(
    UpdateNotificationPreferencesDto.prototype,
    kind,
  );
}
