import {
  applyDecorators,
  HttpException,
  HttpStatus,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiErrors } from '../common/api-docs.js';
import { Clock } from '../common/clock.js';

const RATE_LIMIT_KEY = 'rateLimit';

interface RateRule {
  limit: number;
  windowMs: number;
}

interface Window {
  count: number;
  endsAt: number;
}

/** Above this many open windows, closed ones are swept away, so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

/**
 * Counts calls per client address and route in fixed windows, in this process's memory: with
 * several API processes each counts for itself, so the effective limit is per process.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly reflector: Reflector,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<RateRule | undefined>(RATE_LIMIT_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const key = `${request.method} ${(request.route as { path?: string } | undefined)?.path} ${request.ip}`;
    const now = this.clock.now().getTime();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      if (this.windows.size > SWEEP_ABOVE) this.sweep(now);
      window = { count: 0, endsAt: now + rule.windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= rule.limit) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.ceil((window.endsAt - now) / 1000)));
    throw new HttpException('too many requests from this address: try again later', HttpStatus.TOO_MANY_REQUESTS);
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
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
