import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuditHealthIndicator } from './audit.health.js';
import { RedisHealthIndicator } from './redis.health.js';
import { BackupHealthIndicator } from './backup.health.js';
import { BackupFreshness } from '../backup/backup-freshness.js';

@Module({
  imports: [TerminusModule, AuditModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, AuditHealthIndicator, BackupHealthIndicator, BackupFreshness],
})
export class HealthModule {}
