import { Controller, Get, Next, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { TokenCookie, Roles } from '../common/roles.decorator.js';
import { Operation } from '../common/api-docs.js';
import { DeadlineQueue } from '../deadlines/deadline.queue.js';
import { ROUTE_NAME } from '../common/route-pattern.js';
import { DASHBOARD_PATH, queueDashboard } from './queue-dashboard.js';

/** The cookie the dashboard's sign-in page stores an administrator's token in, for this path only. */
export const DASHBOARD_TOKEN_COOKIE = 'queue-dashboard-token';

/**
 * What bull-board's page would load from outside the service (its fonts, from Google): left out,
 * so the page loads nothing but its own files and tells no third party who opened it.
 */
const FROM_OUTSIDE = /<(?:link|script)\b[^>]*\b(?:href|src)="(?:https?:)?\/\/[^"]*"[^>]*>(?:<\/script>)?/g;

/**
 * The queue dashboard (bull-board) behind the same access rule as every other route: its page,
 * files and API answer administrators only. A browser cannot add a bearer header to the page's
 * own requests, so the token may also come in a cookie set by the sign-in page.
 */
@ApiTags('operations')
@Roles('administrator')
@TokenCookie(DASHBOARD_TOKEN_COOKIE)
@Controller(DASHBOARD_PATH)
export class QueueDashboardController {
  private readonly board: RequestHandler;

  constructor(queue: DeadlineQueue) {
    this.board = queueDashboard(queue.queue);
  }

  @Get()
  @Operation(
    'The queue dashboard (bull-board, HTML)',
    'The deadline queue’s jobs: waiting, delayed, failed, with retry. The token may come as a bearer header or in the cookie POST /admin/sign-in sets.',
  )
  @ApiOkResponse({ description: 'The dashboard page', content: { 'text/html': { schema: { type: 'string' } } } })
  page(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    this.serve(req, res, next);
  }

  /** bull-board's own scripts, styles and JSON API: their shapes are the library's, no part of this service's contract. */
  @Get('*path')
  @ApiExcludeEndpoint()
  files(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    this.serve(req, res, next);
  }

  /** Hands the request to bull-board's Express app as if it were mounted at the dashboard's path. */
  private serve(req: Request, res: Response, next: NextFunction): void {
    res.locals[ROUTE_NAME] = DASHBOARD_PATH;
    req.baseUrl = DASHBOARD_PATH;
    req.url = req.originalUrl.slice(DASHBOARD_PATH.length) || '/';
    const send = res.send.bind(res);
    res.send = (body?: unknown) => send(typeof body === 'string' ? body.replace(FROM_OUTSIDE, '') : body);
    this.board(req, res, next);
  }
}
