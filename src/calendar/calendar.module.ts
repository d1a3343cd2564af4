import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CasesRepositoryModule } from '../cases/cases-repository.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { VisitRecordsModule } from '../visits/visit-records.module.js';
import { CalendarRepository } from './calendar.repository.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { CalendarToken } from './calendar-token.entity.js';

/** Each secretary's iCalendar feed of their cases' deadlines, meetings and planned visits. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CalendarToken]),
    AuditModule,
    CasesRepositoryModule,
    DeadlinesModule,
    VisitRecordsModule,
  ],
  controllers: [CalendarController],
  providers: [CalendarService, CalendarRepository],
})
export class CalendarModule {}
