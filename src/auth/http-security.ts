import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';

/**
 * Security headers, a limit on body size, and CORS closed unless origins are configured: a page
 * on another site cannot call the API from a user's browser.
 */
export function secureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.use(helmet());
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: true });
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, allowedHeaders: ['Authorization', 'Content-Type', 'If-Match'], exposedHeaders: ['ETag'] });
  }
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
}
