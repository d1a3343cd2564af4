import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { uploadLimits } from '../documents/upload-limits.js';
import { VisitRecordsModule } from './visit-records.module.js';
import { VisitReportsService } from './visit-reports.service.js';
import { VisitsController } from './visits.controller.js';

@Module({
  imports: [CasesModule, VisitRecordsModule, DocumentsModule, AlertsModule, uploadLimits()],
  controllers: [VisitsController],
  providers: [VisitReportsService],
})
export class VisitsModule {}
