import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator.js';
import { Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { alertViewFor } from './alert-view.js';
import { AlertsService } from './alerts.service.js';
import { AlertListResponse, AlertResponse } from './dto/alert.responses.js';
import { ListAlertsQuery } from './dto/list-alerts.query.js';

@ApiTags('alerts')
@Roles('secretary', 'administrator')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  /** Open alerts by default, oldest first; `status=all` for every one. */
  @Get()
  @Operation(
    'List alerts, open ones by default, oldest first',
    'Filter by case, by the secretary responsible for the case, by kind or by status; `status=all` for every one.',
  )
  @ApiOkResponse({ type: AlertListResponse })
  @ApiErrors(400)
  @Audited<AlertListResponse>({
    shown: (page) => page.items.map((alert) => ({ caseId: alert.caseId, subject: `alert:${alert.id}` })),
  })
  async list(@Query() query: ListAlertsQuery, @CurrentActor() actor: Actor): Promise<AlertListResponse> {
    const page = await this.alerts.list(
      {
        caseId: query.caseId,
        responsibleSecretary: query.responsibleSecretary,
        kind: query.kind,
        status: query.status,
      },
      query.limit,
      query.offset,
    );
    return { ...page, items: page.items.map((alert) => alertViewFor(actor.role, alert)) };
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Operation(
    'Acknowledge an alert as seen',
    'The first acknowledgement stands; acknowledging again changes nothing. An alert resolves itself when what it waited for happens.',
  )
  @ApiOkResponse({ type: AlertResponse })
  @ApiErrors(404)
  async acknowledge(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<AlertResponse> {
    return alertViewFor(actor.role, await this.alerts.acknowledge(id, actor));
  }
}
