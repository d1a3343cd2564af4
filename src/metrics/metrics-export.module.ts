import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { MetricsServer } from './metrics-server.service.js';

/**
 * Where the figures go out: GET /metrics, and METRICS_PORT where it is set. The instruments
 * (MetricsModule) are global, and each feature registers the gauges read from its own tables.
 */
@Module({
  controllers: [MetricsController],
  providers: [MetricsServer],
  exports: [MetricsServer],
})
export class MetricsExportModule {}
