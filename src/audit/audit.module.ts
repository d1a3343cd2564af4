import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit.controller.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { AuditTrail } from './audit-trail.service.js';
import { AuditRepository } from './audit.repository.js';
import { RequestAudit } from './request-audit.service.js';
import { UnauthenticatedRefusals } from './unauthenticated-refusals.service.js';
import { SignedInRefusals } from './signed-in-refusals.service.js';
import { AuditEntry } from './audit-entry.entity.js';

/** The append-only, hash-chained trail of every read and write, and the administrator's view of it. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditController],
  providers: [
    AuditTrail,
    AuditRepository,
    RequestAudit,
    UnauthenticatedRefusals,
    SignedInRefusals,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditTrail, RequestAudit, UnauthenticatedRefusals, SignedInRefusals],
})
export class AuditModule {}
