import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEffectsModule } from '../cases/case-effects.module.js';
import { RetentionEffect } from './retention.effect.js';
import { CaseRetentionService } from './case-retention.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';
import { uploadLimits } from './upload-limits.js';
import { CaseDocument } from './document.entity.js';
import { CaseRetention } from './case-retention.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseDocument, CaseRetention]), uploadLimits(), CaseEffectsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentsRepository, CaseRetentionService, RetentionEffect],
  exports: [DocumentsService, DocumentsRepository, CaseRetentionService],
})
export class DocumentsModule {}
