import { Global, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsServer } from './metrics-server.js';
import { Metrics } from './metrics.js';
import { StateGauges } from './state-gauges.js';
import { TransitionCounter } from './transition-counter.js';

/** The process's instruments, for any feature to count into. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}

/** Where the figures go out (GET /metrics, METRICS_PORT) and the figures read at scrape time. */
@Module({
  imports: [CasesModule, DeadlinesModule],
  controllers: [MetricsController],
  providers: [StateGauges, TransitionCounter, MetricsServer],
  exports: [MetricsServer],
})
export class MetricsExportModule {}
