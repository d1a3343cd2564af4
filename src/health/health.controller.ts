import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs.js';
import { Public } from '../auth/roles.decorator.js';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { RedisHealthIndicator } from './redis.health.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @Operation('Check that the service, its database and Redis answer', 'Open without a token. 503 while the database or Redis does not answer; deadlines wait in the database meanwhile.')
  check() {
    return this.health.check([() => this.database.pingCheck('database'), () => this.redis.pingCheck('redis')]);
  }
}
