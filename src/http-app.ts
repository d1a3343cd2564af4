import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { apiDocument } from './api-document.js';
import { secureHttpApp } from './auth/http-security.js';
import { UnsafeKeysPipe } from './common/unsafe-keys.pipe.js';
import { createValidationPipe } from './common/validation.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { httpMetrics } from './metrics/http-metrics.js';
import { Metrics } from './metrics/metrics.service.js';
import { serveWebApp } from './web-app/web-app.js';

/** What every HTTP entry point (the service, the tests, the benchmark) sets up the same way; returns the OpenAPI document it serves. */
export function configureHttpApp(app: INestApplication): OpenAPIObject {
  app.useLogger(app.get(Logger));
  app.use(httpMetrics(app.get(Metrics)));
  secureHttpApp(app as NestExpressApplication, app.get<AppConfig>(APP_CONFIG));
  serveWebApp(app as NestExpressApplication);
  app.useGlobalPipes(new UnsafeKeysPipe(), createValidationPipe());
  // SIGTERM is main.ts's: it drains before closing (drainThenClose).
  app.enableShutdownHooks(['SIGINT', 'SIGHUP']);
  const document = apiDocument(app);
  SwaggerModule.setup('docs', app, document);
  return document;
}
