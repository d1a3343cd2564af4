import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs.js';
import { Public } from '../common/roles.decorator.js';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ComponentHealth, HealthResponse } from './health.response.js';
import { AuditHealthIndicator } from './audit.health.js';
import { RedisHealthIndicator } from './redis.health.js';
import { BackupHealthIndicator } from './backup.health.js';
import { BackupFreshness } from '../backup/backup-freshness.js';
import { ReadinessIndicators } from './readiness.health.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly audit: AuditHealthIndicator,
    private readonly backup: BackupHealthIndicator,
    private readonly backupFreshness: BackupFreshness,
    private readonly readiness: ReadinessIndicators,
  ) {}

  @Get('live')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthResponse, description: 'The process answers' })
  @Operation(
    "Check that the process is alive (for an orchestrator's liveness probe)",
    'Open without a token. Checks nothing outside the process, so a database or Redis outage never gets a live process restarted.',
  )
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthResponse, description: 'The process takes requests (Redis may be reported degraded)' })
  @ApiServiceUnavailableResponse({
    type: HealthResponse,
    description: 'The database does not answer, or the process is shutting down',
  })
  @Operation(
    "Check that the process takes requests (for an orchestrator's readiness probe)",
    'Open without a token. 503 while the database does not answer or the process is shutting down (the requests in flight finish). ' +
      'Redis is reported, as `degraded` when it does not answer, but does not make the process unready: the API serves without it.',
  )
  ready() {
    return this.health.check([
      () => this.readiness.accepting('accepting'),
      () => this.database.pingCheck('database'),
      () => this.readiness.redisDegraded('redis'),
    ]);
  }

  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiExtraModels(ComponentHealth)
  @ApiOkResponse({ type: HealthResponse, description: 'Everything answers' })
  @ApiServiceUnavailableResponse({
    type: HealthResponse,
    description:
      'The database or Redis does not answer, the audit trail is halted, or (with BACKUP_MAX_AGE_HOURS) the last backup is too old',
  })
  @Operation(
    'Check that the service, its database and Redis answer, and that the audit trail can be written',
    'Open without a token. 503 while the database or Redis does not answer (deadlines wait in the database meanwhile), ' +
      "or while the audit trail's end is behind the head exported outside the database (entries were cut: audited requests are refused until an operator accepts the gap), " +
      'or, where BACKUP_MAX_AGE_HOURS is set, while the last backup of the embedded database is older than that.',
  )
  check() {
    return this.health.check([
      () => this.database.pingCheck('database'),
      () => this.redis.pingCheck('redis'),
      () => this.audit.check('audit'),
      ...(this.backupFreshness.watched ? [() => this.backup.check('backup')] : []),
    ]);
  }
}
