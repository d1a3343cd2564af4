import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DeadlineWorkerModule } from './deadlines/deadline-worker.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { InterviewConsentModule } from './interviews/interview-consent.module.js';
import { loggerOptions } from './logging/logger-options.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { MetricsExportModule } from './metrics/metrics-export.module.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { RedisModule } from './queue/redis.module.js';
import { SupportersModule } from './supporters/supporters.module.js';
import { VisitRecordsModule } from './visits/visit-records.module.js';

/** The worker-only process (`npm run worker`): deadlines, alert mail and their reconciliation, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot({ ...config, runWorker: true }),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule,
        MetricsModule,
        PersonalDataModule,
        RedisModule,
        DeadlineWorkerModule,
        // Every effect a case change needs (see CaseEffects), so any change runs here as in the service.
        SupportersModule,
        InterviewConsentModule,
        VisitRecordsModule,
        DocumentsModule,
        NotificationsModule,
        MetricsExportModule,
      ],
    };
  }
}
