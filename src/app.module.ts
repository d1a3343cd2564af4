import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AlertsModule } from './alerts/alerts.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CaseApiModule } from './case-api/case-api.module.js';
import { CasesModule } from './cases/cases.module.js';
import { CompensationModule } from './compensation/compensation.module.js';
import { MyAssignmentsModule } from './my-assignments/my-assignments.module.js';
import { DomainErrorFilter } from './common/domain-error.filter.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DeadlineWorkerModule } from './deadlines/deadline-worker.module.js';
import { DisposalModule } from './disposal/disposal.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthModule } from './health/health.module.js';
import { InterviewsModule } from './interviews/interviews.module.js';
import { InspectorModule } from './inspector/inspector.module.js';
import { LettersModule } from './letters/letters.module.js';
import { loggerOptions } from './logging/logger-options.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PartiesModule } from './parties/parties.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { MetricsExportModule } from './metrics/metrics-export.module.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module.js';
import { RedisModule } from './queue/redis.module.js';
import { StaffModule } from './organisation/staff.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { SupportersModule } from './supporters/supporters.module.js';
import { UnitModule } from './organisation/unit.module.js';
import { VisitsModule } from './visits/visits.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule,
        MetricsModule,
        RedisModule,
        PersonalDataModule,
        AuthModule,
        CasesModule,
        CaseApiModule,
        SupportersModule,
        VisitsModule,
        InterviewsModule,
        DocumentsModule,
        LettersModule,
        CompensationModule,
        MyAssignmentsModule,
        StaffModule,
        UnitModule,
        PartiesModule,
        DisposalModule,
        AlertsModule,
        DeadlineWorkerModule,
        NotificationsModule,
        HealthModule,
        InspectorModule,
        CalendarModule,
        StatisticsModule,
        MetricsExportModule,
        QueueDashboardModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
