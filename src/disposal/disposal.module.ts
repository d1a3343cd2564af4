import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { DisposalController } from './disposal.controller.js';
import { DisposalService } from './disposal.service.js';

@Module({ imports: [AuditModule], controllers: [DisposalController], providers: [DisposalService] })
export class DisposalModule {}
