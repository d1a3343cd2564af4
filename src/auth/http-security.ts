import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';
import { languageOf, said } from '../common/said.js';

/**
 * A body that is not valid JSON gets a fixed answer: the parser's own message quotes the body,
 * personnummer included, and would send it back (and into any log of the answer).
 */
function answerUnparsableBody(error: { type?: unknown }, req: Request, res: Response, next: NextFunction): void {
  if (error?.type !== 'entity.parse.failed') return next(error);
  const message = said('Förfrågan kunde inte läsas: den är inte giltig JSON.', 'the body is not valid JSON');
  res
    .status(400)
    .json({ statusCode: 400, error: 'Bad Request', message: message[languageOf(req.headers['accept-language'])] });
}

/** Answers carry case data: no browser, proxy or shared cache may keep them. Routes may say otherwise. */
function notStored(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * An escaped NUL in the path or query would reach the guards, the audit trail and the database
 * before any pipe sees it, and PostgreSQL cannot store it: refused before routing.
 */
function refuseNulInAddress(request: Request, response: Response, next: NextFunction): void {
  if (!/%00/.test(request.url)) return next();
  response.status(400).json({
    statusCode: 400,
    error: 'InvalidInput',
    message: [
      said('Adressen får inte innehålla NUL-tecknet (%00).', 'the address must not contain the NUL character (%00)')[
        languageOf(request.headers['accept-language'])
      ],
    ],
  });
}

/**
 * Security headers, a limit on body size, and CORS closed unless origins are configured: a page
 * on another site cannot call the API from a user's browser.
 */
export function secureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.use(helmet());
  app.use(notStored);
  app.use(refuseNulInAddress);
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: true });
  app.use(answerUnparsableBody);
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match'],
      exposedHeaders: ['ETag'],
    });
  }
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
}
