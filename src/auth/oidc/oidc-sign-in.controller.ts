import { Controller, Get, HttpCode, Inject, NotFoundException, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditTrail } from '../../audit/audit-trail.service.js';
import { ApiErrors, Operation } from '../../common/api-docs.js';
import { Public } from '../../common/roles.decorator.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { cookieOf } from '../cookies.js';
import { BrowserSessions } from '../sessions/browser-sessions.js';
import { isSecure, setSessionCookie } from '../sessions/session-cookie.js';
import { CALLBACK_PATH, OidcSignInFailed, OidcSignIns, SIGN_IN_WINDOW_MS } from './oidc-sign-ins.js';

/**
 * Keeps the state of a sign-in under way. SameSite=Lax, unlike the session cookie: the provider's
 * redirect back is a navigation from another site, which a Strict cookie would not ride along on.
 */
const STATE_COOKIE = 'umgangesstod-oidc-state';
const STATE_COOKIE_PATH = '/auth/oidc';

const REDIRECT = (description: string, cookie: string) => ({
  status: 302,
  description,
  headers: {
    Location: { description: 'Where the browser goes next', schema: { type: 'string' as const } },
    'Set-Cookie': { description: cookie, schema: { type: 'string' as const } },
  },
});

/** Browser sign-in through the municipality's OpenID Connect provider (when OIDC_CLIENT_ID is set). */
@ApiTags('sign-in')
@Public()
@Controller('auth/oidc')
export class OidcSignInController {
  constructor(
    private readonly signIns: OidcSignIns,
    private readonly sessions: BrowserSessions,
    private readonly trail: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @HttpCode(302)
  @Operation(
    'Sign in through the municipality’s identity provider',
    'Sends the browser to the provider (authorization code with PKCE); 404 while sign-in is with local accounts.',
  )
  @ApiResponse(REDIRECT('On to the provider', 'The sign-in’s state, HttpOnly, for /auth/oidc only, ten minutes'))
  @ApiErrors(404)
  async login(@Res({ passthrough: true }) res: Response): Promise<void> {
    this.requireConfigured();
    const { url, state } = await this.signIns.begin();
    res.cookie(STATE_COOKIE, state, {
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecure(this.config),
      path: STATE_COOKIE_PATH,
      maxAge: SIGN_IN_WINDOW_MS,
    });
    res.setHeader('Location', url.href);
  }

  @Get('callback')
  @HttpCode(302)
  @Operation(
    'Where the identity provider sends the browser back',
    'Opens the browser session (the cookie) and sends the browser to the web app at `/`. 401 when the sign-in does not hold: another browser’s or an old state, a refused code, or no role of this service in the role claim. Every outcome is audited.',
  )
  @ApiResponse(REDIRECT('Signed in: on to the web app', 'The session cookie: HttpOnly, SameSite=Strict'))
  @ApiErrors(401, 404)
  async callback(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.requireConfigured();
    res.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
    const query = req.originalUrl.split('?')[1] ?? '';
    const facts = { caseId: null, action: 'write' as const, resource: `GET ${CALLBACK_PATH}`, ip: req.ip ?? null };
    try {
      const person = await this.signIns.finish(query, cookieOf(req, STATE_COOKIE));
      const id = await this.sessions.start(person);
      await this.trail.record({
        ...facts,
        actorId: person.subject,
        actorRole: person.roles.join(','),
        subject: null,
        allowed: true,
        status: 302,
      });
      setSessionCookie(res, this.config, id);
      res.setHeader('Location', '/');
    } catch (error) {
      if (!(error instanceof OidcSignInFailed)) throw error;
      await this.trail.record({ ...facts, actorId: null, actorRole: null, subject: null, allowed: false, status: 401 });
      throw new UnauthorizedException('Inloggningen via kommunens inloggningstjänst misslyckades. Försök igen.');
    }
  }

  private requireConfigured(): void {
    if (!this.config.signIn.oidc)
      throw new NotFoundException('Inloggning via kommunens inloggningstjänst är inte påslagen här.');
  }
}
