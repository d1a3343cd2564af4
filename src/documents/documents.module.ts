import { Module } from '@nestjs/common';
import { CaseEffectsModule } from '../cases/case-effects.module.js';
import { RetentionEffect } from './retention.effect.js';
import { StaffModule } from '../staff/staff.module.js';
import { UnitModule } from '../unit/unit.module.js';
import { CaseRetentionService } from './case-retention.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { uploadLimits } from './upload-limits.js';

@Module({
  imports: [uploadLimits(), StaffModule, UnitModule, CaseEffectsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, CaseRetentionService, RetentionEffect],
  exports: [DocumentsService, CaseRetentionService],
})
export class DocumentsModule {}
