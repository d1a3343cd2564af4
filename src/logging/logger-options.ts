import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import type { Params } from 'nestjs-pino';
import { routePatternOf } from '../common/route-pattern.js';
import type { AppConfig } from '../config/app-config.js';

/**
 * What a database error carries besides its message: the SQL with its bound values (names,
 * personnummer ciphertexts and lookup hashes of the rows it wrote), the driver's own error with
 * the same, and PostgreSQL's `detail`/`where` that quote the offending values.
 */
const WITHHELD = new Set(['query', 'parameters', 'driverError', 'detail', 'where']);

function withoutData(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => withoutData(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !WITHHELD.has(key))
      .map(([key, item]) => [key, withoutData(item, depth + 1)]),
  );
}

/** The one serializer of errors in log lines: pino's, minus what could carry personal data. */
export function serializeError(error: unknown): unknown {
  const serialized = error instanceof Error ? pino.stdSerializers.err(error) : error;
  return withoutData(serialized, 0);
}

/**
 * The request's route, once answered: its pattern, or `(unmatched)` and the path's length, never
 * the path itself (a feed's token, a personnummer typed into a URL). Before the answer (pino-http
 * asks at the start too) nothing: the route is not known yet.
 */
function routeOnceAnswered(req: IncomingMessage, res: ServerResponse): Record<string, unknown> {
  if (!res.headersSent) return {};
  const route = routePatternOf(req, res);
  return route !== undefined ? { route } : { route: '(unmatched)', pathLength: (req.url ?? '').split('?')[0].length };
}

/**
 * Request logs carry method, route pattern, status and time, never the path, bodies, query
 * strings or headers; errors go through serializeError: a personnummer must never reach a log line.
 */
export function loggerOptions(config: AppConfig): Params {
  const options = {
    level: config.logLevel,
    serializers: {
      req: (req: { method: string; id: unknown }) => ({ id: req.id, method: req.method }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
      error: serializeError,
    },
    // A random id, not a per-process counter, so the id an answer quotes names one request across restarts.
    genReqId: (_req: unknown, res: ServerResponse) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customProps: routeOnceAnswered,
    redact: { paths: ['*.personnummer', '*.*.personnummer', 'req.headers.authorization'], censor: '[hidden]' },
  };
  return { pinoHttp: config.logStream ? [options, config.logStream] : options };
}
