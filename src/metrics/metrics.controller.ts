import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/roles.decorator.js';
import { Operation } from '../common/api-docs.js';
import { Metrics } from './metrics.service.js';

/** Prometheus's scrape target: the scraper sends an administrator's token (or scrapes METRICS_PORT instead). */
@ApiTags('operations')
@Roles('administrator')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @Operation(
    'Scrape the service’s metrics (Prometheus text format)',
    'Request rates and durations, event outcomes, queue depths and deadline lag, for Prometheus.',
  )
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The metrics, Prometheus exposition format 0.0.4',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async scrape(@Res({ passthrough: true }) res: Response): Promise<string> {
    res.type(this.metrics.contentType);
    return this.metrics.render();
  }
}
