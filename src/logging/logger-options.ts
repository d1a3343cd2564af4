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
    redact: { paths: ['*.personnummer', '*.*.personnummer', 'req.headers.authorization'], censor: '[hidden]' },
  };
  return { pinoHttp: config.logStream ? [options, config.logStream] : options };
}
