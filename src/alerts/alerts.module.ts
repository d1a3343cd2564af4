import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertGauges } from './alert-gauges.service.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsRepository } from './alerts.repository.js';
import { AlertsService } from './alerts.service.js';
import { Alert } from './alert.entity.js';

/** Alerts for the secretary: raised by reminders and failing deadlines, resolved when moot. */
@Module({
  imports: [TypeOrmModule.forFeature([Alert])],
  controllers: [AlertsController],
  providers: [AlertsService, AlertsRepository, AlertGauges],
  exports: [AlertsService, AlertsRepository],
})
export class AlertsModule {}
