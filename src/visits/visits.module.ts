import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { uploadLimits } from '../documents/upload-limits.js';
import { VisitReportsService } from './visit-reports.service.js';
import { VisitsController } from './visits.controller.js';
import { VisitsService } from './visits.service.js';

@Module({
  imports: [AlertsModule, DocumentsModule, uploadLimits()],
  controllers: [VisitsController],
  providers: [VisitsService, VisitReportsService],
  exports: [VisitsService],
})
export class VisitsModule {}
