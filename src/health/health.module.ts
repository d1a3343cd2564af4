import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { Readiness } from './readiness.js';
import { ReadinessIndicators } from './readiness.health.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuditHealthIndicator } from './audit.health.js';
import { RedisHealthIndicator } from './redis.health.js';
import { BackupHealthIndicator } from './backup.health.js';
import { BackupFreshness } from '../backup/backup-freshness.js';

@Module({
  exports: [Readiness],
  imports: [TerminusModule, AuditModule],
  controllers: [HealthController],
  providers: [
    Readiness,
    ReadinessIndicators,
    RedisHealthIndicator,
    AuditHealthIndicator,
    BackupHealthIndicator,
    BackupFreshness,
  ],
})
export class HealthModule {}
