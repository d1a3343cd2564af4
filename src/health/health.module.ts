import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuditHealthIndicator } from './audit.health.js';
import { RedisHealthIndicator } from './redis.health.js';

@Module({
  imports: [TerminusModule, AuditModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, AuditHealthIndicator],
})
export class HealthModule {}
