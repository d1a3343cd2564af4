import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { CaseEffectsModule } from '../cases/case-effects.module.js';
import { ReportsSettledEffect } from './reports-settled.effect.js';
import { SupportersModule } from '../supporters/supporters.module.js';
import { VisitRecordEffect } from './visit-record.effect.js';
import { VisitsRepository } from './visits.repository.js';
import { VisitsService } from './visits.service.js';
import { Visit } from './visit.entity.js';
import { VisitPlan } from './visit-plan.entity.js';
import { VisitReport } from './visit-report.entity.js';

/**
 * The visits themselves, written by their effect when the command path applies LOG_VISIT. Apart
 * from VisitsModule (routes, plans, reports), so that every process that changes cases, the
 * worker included, registers the effect without the HTTP side.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Visit, VisitPlan, VisitReport]),
    AlertsModule,
    CaseEffectsModule,
    SupportersModule,
  ],
  providers: [VisitsService, VisitsRepository, VisitRecordEffect, ReportsSettledEffect],
  exports: [VisitsService, VisitsRepository],
})
export class VisitRecordsModule {}
