import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';

/** Express reads `trust proxy` as a hop count, `true`, or a list of trusted addresses. */
function trustProxySetting(value: string): string | number | boolean {
  if (/^\d+$/.test(value)) return Number(value);
  return value === 'true' ? true : value;
}

/**
 * An escaped NUL in the path or query would reach the guards, the audit trail and the database
 * before any pipe sees it, and PostgreSQL cannot store it: refused before routing.
 */
function refuseNulInAddress(request: Request, response: Response, next: NextFunction): void {
  if (!/%00/.test(request.url)) return next();
  response.status(400).json({ statusCode: 400, error: 'InvalidInput', message: ['the address must not contain the NUL character (%00)'] });
}

/**
 * Security headers, a limit on body size, and CORS closed unless origins are configured: a page
 * on another site cannot call the API from a user's browser.
 */
export function secureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.use(helmet());
  app.use(refuseNulInAddress);
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: true });
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, allowedHeaders: ['Authorization', 'Content-Type', 'If-Match'], exposedHeaders: ['ETag'] });
  }
  if (config.trustProxy !== undefined) app.set('trust proxy', trustProxySetting(config.trustProxy));
}
