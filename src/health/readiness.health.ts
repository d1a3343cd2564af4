import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RedisConnection } from '../queue/redis-connection.js';
import { Readiness } from './readiness.js';

const PING_TIMEOUT_MS = 1000;

/** The parts of readiness besides the database: not shutting down; Redis only reported. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: Readiness,
    private readonly redis: RedisConnection,
  ) {}

  accepting(key: string) {
    const check = this.indicators.check(key);
    return this.readiness.draining
      ? check.down({ message: 'shutting down: finishing the requests in flight' })
      : check.up();
  }

  /** Up in any case: the API serves without Redis (deadlines wait in the database), so it is degraded, not unready. */
  async redisDegraded(key: string) {
    const check = this.indicators.check(key);
    try {
      await this.redis.ping(PING_TIMEOUT_MS);
      return check.up();
    } catch {
      return check.up({
        degraded: true,
        message: 'Redis does not answer: deadlines wait in the database until it does',
      });
    }
  }
}
