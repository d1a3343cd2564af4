import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { ListNotificationsQuery, UpdateNotificationPreferencesDto, type PreferenceChanges } from './dto/notification.dtos.js';
import { NotificationList } from './notification-list.js';
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
  list(@Query() query: ListNotificationsQuery) {
    return this.mails.list(query.status, query.limit, query.offset);
  }

  /** The signed-in person's choice per alert kind (`modes`), and what holds without a choice (`defaults`). */
  @Get('staff/me/notifications')
  @Roles('secretary', 'administrator')
  mine(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor.id);
  }

  @Put('staff/me/notifications')
  @Roles('secretary', 'administrator')
  choose(@CurrentActor() actor: Actor, @Body() changes: UpdateNotificationPreferencesDto) {
    return this.preferences.update(actor.id, changes as PreferenceChanges);
  }
}
