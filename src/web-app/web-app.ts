import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The web app's own addresses (web/src/app/routes.ts names the same ones). A GET for HTML on one
 * of them gets the app's page, whose router shows the page; nothing else is answered with it, so
 * the API, /docs, /inspector, /statistics and /admin/queues keep their routes.
 */
const CLIENT_ROUTES = [
  /^\/$/,
  /^\/logga-in$/,
  /^\/registrera-dom$/,
  /^\/arenden\/[^/]+$/,
  /^\/umgangesstodjare(?:\/[^/]+)?$/,
  /^\/aviseringar$/,
  /^\/mina-uppdrag(?:\/.*)?$/,
  /^\/administration(?:\/.*)?$/,
];

export function isClientRoute(path: string): boolean {
  return CLIENT_ROUTES.some((route) => route.test(path));
}

/** web/dist beside src/ (ts-node, Jest) or beside dist/src/ (the compiled service). */
export function webDistFolder(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [resolve(here, '../../web/dist'), resolve(here, '../../../web/dist')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

/**
 * The app loads its own files and nothing else: scripts, styles, fonts and images from this
 * service, requests to this service, no frames, no plugins.
 */
const APP_CSP = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
});

function asksForHtml(request: Request): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && request.accepts(['html', 'json']) === 'html';
}

/**
 * Serves the built web app (web/dist) at /: its files (named by their content hash) under
 * /assets, kept by browsers for a year, and its page on the app's own routes. Without a build the app's routes say how to make one.
 */
export function serveWebApp(app: NestExpressApplication): void {
  const dist = webDistFolder();
  const page = dist ? join(dist, 'index.html') : undefined;
  if (dist) {
    app.useStaticAssets(join(dist, 'assets'), {
      prefix: '/assets',
      index: false,
      // Replaces the service's no-store (set for every answer): these hold no case data.
      setHeaders: (response: ServerResponse) => {
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!isClientRoute(request.path) || !asksForHtml(request)) return next();
    APP_CSP(request, response, () => {
      if (!page) {
        response.status(503).type('text/plain; charset=utf-8').send('Webbappen är inte byggd: kör npm run build.');
        return;
      }
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(page);
    });
  });
}
