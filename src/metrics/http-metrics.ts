import type { NextFunction, Request, Response } from 'express';
import { routePatternOf } from '../common/route-pattern.js';
import type { Metrics } from './metrics.service.js';

/**
 * Times every HTTP request and counts it under its route pattern (`/cases/:id`, never the
 * concrete URL, which could hold ids without end); a request no route matched counts as `unmatched`.
 */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routePatternOf(req, res) ?? 'unmatched';
      metrics.httpRequest(req.method, route, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
