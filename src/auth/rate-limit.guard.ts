import {
  applyDecorators,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Optional,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiErrors } from '../common/api-docs.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RedisConnection } from '../queue/redis-connection.js';
import { said } from '../common/said.js';

const RATE_LIMIT_KEY = 'rateLimit';

interface RateRule {
  limit: number;
  windowMs: number;
}

/** Above this many windows kept in memory, closed ones are swept away, so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

/**
 * Counts calls per client address and route in fixed windows (aligned to the clock, so every
 * process agrees where a window starts). The counts live in Redis, shared by every API process;
 * while Redis is away each process counts in its own memory (the limit then holds per process)
 * rather than make a request wait on Redis or let everything through.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly clock: Clock,
    @Optional() private readonly redis?: RedisConnection,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<RateRule | undefined>(RATE_LIMIT_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const now = this.clock.now().getTime();
    const window = Math.floor(now / rule.windowMs);
    const key = `${request.method} ${(request.route as { path?: string } | undefined)?.path} ${request.ip} ${window}`;
    const endsAt = (window + 1) * rule.windowMs;
    const count = (await this.countInRedis(key, rule.windowMs)) ?? this.countInMemory(key, endsAt, now);
    if (count <= rule.limit) return true;
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(Math.ceil((endsAt - now) / 1000)));
    throw new HttpException(
      said(
        'För många försök från den här adressen. Vänta en stund och försök igen.',
        'too many requests from this address: try again later',
      ),
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  /** The call's number in its window across all processes; undefined while Redis cannot say. */
  private async countInRedis(key: string, windowMs: number): Promise<number | undefined> {
    if (!this.redis?.ready || !this.config) return undefined;
    try {
      const [[incrError, count]] = (await this.redis.client
        .multi()
        .incr(`${this.config.queuePrefix}:rate-limit:${key}`)
        .pexpire(`${this.config.queuePrefix}:rate-limit:${key}`, windowMs)
        .exec())!;
      return incrError ? undefined : (count as number);
    } catch {
      return undefined;
    }
  }

  private countInMemory(key: string, endsAt: number, now: number): number {
    if (this.windows.size > SWEEP_ABOVE) {
      for (const [open, window] of this.windows) if (window.endsAt <= now) this.windows.delete(open);
    }
    const window = this.windows.get(key) ?? { count: 0, endsAt };
    window.count += 1;
    this.windows.set(key, window);
    return window.count;
  }
}

/**
 * At most `limit` calls per `seconds` from one client address to the route, then 429 (with
 * Retry-After) until the window has passed. For routes open without a token, such as a
 * supporter's expression of interest, so they cannot be used to flood the unit.
 */
export const RateLimited = (limit: number, seconds: number) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_KEY, { limit, windowMs: seconds * 1000 } satisfies RateRule),
    UseGuards(RateLimitGuard),
    ApiErrors(429),
  );
