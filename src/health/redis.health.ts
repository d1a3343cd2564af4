import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RedisConnection } from '../queue/redis-connection.js';

const PING_TIMEOUT_MS = 1000;

/** Whether Redis answers. Down means deadlines wait in the database (the API still serves). */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisConnection,
  ) {}

  async pingCheck(key: string) {
    // Where Redis is stays out of this public answer; the log names it.
    const check = this.indicators.check(key);
    try {
      await this.redis.ping(PING_TIMEOUT_MS);
      return check.up();
    } catch (error) {
      return check.down({ message: `${(error as Error).message}; deadlines wait in the database until Redis answers` });
    }
  }
}
