import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { SupportersModule } from '../supporters/supporters.module.js';
import { VisitRecordsModule } from '../visits/visit-records.module.js';
import { CompensationController } from './compensation.controller.js';
import { CompensationExport, CompensationExportedVisit } from './compensation-export.entity.js';
import { CompensationExportsRepository } from './compensation-exports.repository.js';
import { CompensationService } from './compensation.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CompensationExport, CompensationExportedVisit]),
    AuditModule,
    SupportersModule,
    VisitRecordsModule,
  ],
  controllers: [CompensationController],
  providers: [CompensationService, CompensationExportsRepository],
  exports: [CompensationService],
})
export class CompensationModule {}
