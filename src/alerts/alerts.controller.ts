import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { alertViewFor } from './alert-view.js';
import { AlertsService } from './alerts.service.js';
import { ListAlertsQuery } from './dto/list-alerts.query.js';

@ApiTags('alerts')
@Roles('secretary', 'administrator')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  /** Open alerts by default, oldest first; `status=all` for every one. */
  @Get()
  async list(@Query() query: ListAlertsQuery, @CurrentActor() actor: Actor) {
    const page = await this.alerts.list({ caseId: query.caseId, kind: query.kind, status: query.status }, query.limit, query.offset);
    return { ...page, items: page.items.map((alert) => alertViewFor(actor.role, alert)) };
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  async acknowledge(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return alertViewFor(actor.role, await this.alerts.acknowledge(id, actor));
  }
}
