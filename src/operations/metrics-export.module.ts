import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { MetricsController } from '../metrics/metrics.controller.js';
import { MetricsServer } from '../metrics/metrics-server.js';
import { StateGauges } from './state-gauges.js';
import { TransitionCounter } from './transition-counter.js';

/**
 * Where the figures go out (GET /metrics, METRICS_PORT) and the figures read at scrape time. Above
 * the features: the gauges read their tables and queues, while the registry they fill (MetricsModule)
 * sits below everything that counts into it.
 */
@Module({
  imports: [AlertsModule, CasesModule, DeadlinesModule],
  controllers: [MetricsController],
  providers: [StateGauges, TransitionCounter, MetricsServer],
  exports: [MetricsServer],
})
export class MetricsExportModule {}
