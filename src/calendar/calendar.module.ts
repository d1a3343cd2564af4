import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { CalendarToken } from './calendar-token.entity.js';

/** Each secretary's iCalendar feed of their cases' deadlines, meetings and planned visits. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarToken]), AuditModule],
  controllers: [CalendarController],
  providers: [CalendarService],
})
export class CalendarModule {}
