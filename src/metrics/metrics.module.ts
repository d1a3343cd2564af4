import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics.service.js';

/** The process's instruments, for any feature to count into. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
