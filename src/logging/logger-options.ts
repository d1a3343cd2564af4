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

/** An id a proxy or client may send: short, and nothing a log line could be forged with. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** W3C trace context: version, trace id, parent id, flags. */
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/**
 * The id a request is logged and answered under: the caller's `X-Request-Id` when it is a safe
 * one, else the trace id of its `traceparent`, so one request is followed across the proxy, this
 * service and what it calls; else a random one (not a per-process counter, so an id names one
 * request across restarts).
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && SAFE_REQUEST_ID.test(given)) return given;
  const trace = TRACEPARENT.exec(String(req.headers.traceparent ?? '').trim());
  if (trace && !/^0+$/.test(trace[1])) return trace[1];
  return randomUUID();
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
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customProps: routeOnceAnswered,
    redact: { paths: ['*.personnummer', '*.*.personnummer', 'req.headers.authorization'], censor: '[hidden]' },
  };
  return { pinoHttp: config.logStream ? [options, config.logStream] : options };
}
