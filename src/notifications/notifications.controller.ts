import { Audited } from '../audit/audited.decorator.js';
import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { ListNotificationsQuery, UpdateNotificationPreferencesDto } from './dto/notification.dtos.js';
import { NotificationMailListResponse, NotificationPreferencesResponse } from './dto/notification.responses.js';
import { NotificationList } from './notification-list.service.js';
import { NotificationPreferences } from './notification-preferences.service.js';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(
    private readonly mails: NotificationList,
    private readonly preferences: NotificationPreferences,
  ) {}

  /** Every mail of the outbox, newest first, with how many are sent, pending and failed. */
  @Get('notifications')
  @Roles('administrator')
  @Operation(
    'List the outbox’s mails, newest first, with how many are sent, pending and failed',
    'Optionally only those in one `status`.',
  )
  @ApiOkResponse({ type: NotificationMailListResponse })
  @ApiErrors(400)
  @Audited<NotificationMailListResponse>({
    // Each mail names the cases of its alerts: one entry per case a mail shows.
    shown: (page) =>
      page.items.flatMap((mail) =>
        [...new Set(mail.alerts.map((alert) => alert.caseId))].map((caseId) => ({
          caseId,
          subject: `notification:${mail.id}`,
        })),
      ),
  })
  list(@Query() query: ListNotificationsQuery): Promise<NotificationMailListResponse> {
    return this.mails.list(query.status, query.limit, query.offset);
  }

  /** The signed-in person's choice per alert kind (`modes`), and what holds without a choice (`defaults`). */
  @Get('staff/me/notifications')
  @Roles('secretary', 'administrator')
  @Operation('Read how you are told of each alert kind: at once, in the day’s digest, or not at all')
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  mine(@CurrentActor() actor: Actor): Promise<NotificationPreferencesResponse> {
    return this.preferences.get(actor.id);
  }

  @Put('staff/me/notifications')
  @Roles('secretary', 'administrator')
  @Operation(
    'Choose how you are told of some alert kinds',
    'The kinds given change, the others stay; an unknown kind or mode answers 400 naming it.',
  )
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @ApiErrors(400)
  choose(
    @CurrentActor() actor: Actor,
    @Body() changes: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesResponse> {
    return this.preferences.update(actor.id, changes);
  }
}
