import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';

/**
 * Request logs carry method, route, status and time, never bodies, query strings or headers:
 * a personnummer must never reach a log line.
 */
export function loggerOptions(config: AppConfig): Params {
  const options = {
    level: config.logLevel,
    serializers: {
      req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // A random id, not a per-process counter, so the id an answer quotes names one request across restarts.
    genReqId: (_req: unknown, res: ServerResponse) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    redact: { paths: ['*.personnummer', '*.*.personnummer', 'req.headers.authorization'], censor: '[hidden]' },
  };
  return { pinoHttp: config.logStream ? [options, config.logStream] : options };
}
