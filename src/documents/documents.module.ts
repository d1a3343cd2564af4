import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseRetentionService } from './case-retention.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { uploadLimits } from './upload-limits.js';
import { CaseDocument } from './document.entity.js';
import { CaseRetention } from './case-retention.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseDocument, CaseRetention]), uploadLimits()],
  controllers: [DocumentsController],
  providers: [DocumentsService, CaseRetentionService],
  exports: [DocumentsService, CaseRetentionService],
})
export class DocumentsModule {}
