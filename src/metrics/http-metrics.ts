import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics.service.js';

/** Set by a handler that passes requests on to an app of its own (bull-board): the route to count them under. */
export const METRICS_ROUTE = 'metricsRoute';

/**
 * Times every HTTP request and counts it under its route pattern (`/cases/:id`, never the
 * concrete URL, which could hold ids without end); a request no route matched counts as `unmatched`.
 */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const pattern = (req.route as { path?: string } | undefined)?.path;
      const named = res.locals[METRICS_ROUTE] as string | undefined;
      const route = named ?? (pattern !== undefined ? `${req.baseUrl}${pattern}` : 'unmatched');
      metrics.httpRequest(req.method, route, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
