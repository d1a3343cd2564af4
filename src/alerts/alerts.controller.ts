import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { AlertsService } from './alerts.service.js';
import { ListAlertsQuery } from './dto/list-alerts.query.js';

@ApiTags('alerts')
@Roles('secretary', 'administrator')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  /** Open alerts by default, oldest first; `status=all` for every one. */
  @Get()
  list(@Query() query: ListAlertsQuery) {
    return this.alerts.list({ caseId: query.caseId, kind: query.kind, status: query.status }, query.limit, query.offset);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.alerts.acknowledge(id, actor);
  }
}
