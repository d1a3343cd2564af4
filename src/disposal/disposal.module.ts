import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { DisposalController } from './disposal.controller.js';
import { DisposalRepository } from './disposal.repository.js';
import { DisposalService } from './disposal.service.js';
import { DisposedCase } from './disposed-case.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([DisposedCase]), AuditModule],
  controllers: [DisposalController],
  providers: [DisposalService, DisposalRepository],
})
export class DisposalModule {}
