import { Body, Controller, Get, Header, HttpCode, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../common/roles.decorator.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { TokenVerifier } from '../auth/token-verifier.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DASHBOARD_PATH } from './queue-dashboard.js';
import { DASHBOARD_TOKEN_COOKIE } from './queue-dashboard.controller.js';
import { said } from '../common/said.js';

class DashboardSignIn {
  @ApiProperty({ description: 'An administrator’s bearer token' })
  @IsString()
  @MaxLength(8192)
  token!: string;
}

/** How long the browser keeps the cookie; the token's own expiry still ends access sooner. */
const COOKIE_MAX_AGE_MS = 8 * 3600 * 1000;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Queue dashboard: sign in</title></head>
<body style="font-family:sans-serif;max-width:36rem;margin:4rem auto">
<h1>Queue dashboard</h1>
<p>Signed in to <a href="/">the app</a> as an administrator, <a href="${DASHBOARD_PATH}/">the dashboard</a> opens as it is.
For scripts: paste an administrator's token. It is kept in a cookie sent only to ${DASHBOARD_PATH}.</p>
<form method="post" action="/admin/sign-in">
<textarea name="token" rows="6" cols="60" required autocomplete="off"></textarea><br>
<button type="submit">Open the dashboard</button>
</form></body></html>`;

/**
 * The dashboard's sign-in: a form (no script) that posts a token; an administrator's token is
 * stored in an HttpOnly, same-site cookie scoped to the dashboard's path, and the browser is sent on.
 */
@ApiTags('operations')
@Public()
@Controller('admin/sign-in')
export class DashboardSignInController {
  /** Behind a proxy that ends TLS the request itself arrives over plain HTTP: the public address decides. */
  private readonly httpsOnly: boolean;

  constructor(
    private readonly tokens: TokenVerifier,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.httpsOnly = config.notifications.publicBaseUrl.startsWith('https:');
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Operation('The queue dashboard’s sign-in form (HTML)')
  @ApiOkResponse({ description: 'The form', content: { 'text/html': { schema: { type: 'string' } } } })
  page(): string {
    return PAGE;
  }

  @Post()
  @HttpCode(303)
  @Operation(
    'Sign in to the queue dashboard with an administrator’s token',
    'Keeps the token in an HttpOnly cookie sent only to the dashboard’s path, and sends the browser there.',
  )
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiResponse({
    status: 303,
    description: 'Signed in: on to the dashboard',
    headers: {
      Location: { description: 'The dashboard', schema: { type: 'string' } },
      'Set-Cookie': { description: 'The token, HttpOnly, for the dashboard’s path', schema: { type: 'string' } },
    },
  })
  @ApiErrors(400, 401)
  async signIn(
    @Body() body: DashboardSignIn,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const token = body.token.trim();
    const principal = await this.tokens.principalOf(token);
    if (!principal?.roles.includes('administrator'))
      throw new UnauthorizedException(
        said('Det krävs en giltig inloggning som administratör.', "an administrator's valid token is needed"),
      );
    res.cookie(DASHBOARD_TOKEN_COOKIE, token, {
      path: DASHBOARD_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.httpsOnly || req.secure,
      maxAge: COOKIE_MAX_AGE_MS,
    });
    res.setHeader('Location', `${DASHBOARD_PATH}/`);
  }
}
