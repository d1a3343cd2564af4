import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ROLES } from '../../common/actor.js';
import { ApiErrors, Operation } from '../../common/api-docs.js';
import { Clock } from '../../common/clock.js';
import { Public, Roles } from '../../common/roles.decorator.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { LocalAccounts } from '../accounts/local-accounts.js';
import { RateLimited } from '../rate-limit.guard.js';
import { BrowserSessions } from './browser-sessions.js';
import { SignInDto } from './dto/sign-in.dto.js';
import { SessionResponse, SignInOptionsResponse } from './dto/session.responses.js';
import { clearSessionCookie, type RequestWithSession, sessionIdOf, setSessionCookie } from './session-cookie.js';

const SESSION_COOKIE_HEADER = {
  'Set-Cookie': {
    description: 'The session cookie: HttpOnly, SameSite=Strict, Secure behind an https address',
    schema: { type: 'string' },
  },
};

function minutes(count: number): string {
  return count === 1 ? '1 minut' : `${count} minuter`;
}

/** Browser sign-in with a local account, the session it opens, and sign-out. */
@ApiTags('sign-in')
@Controller('auth')
export class SignInController {
  constructor(
    private readonly accounts: LocalAccounts,
    private readonly sessions: BrowserSessions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('config')
  @Public()
  @Operation(
    'How to sign in here',
    'Whether sign-in goes through the municipality’s OpenID Connect provider or local accounts.',
  )
  @ApiOkResponse({ type: SignInOptionsResponse })
  options(): SignInOptionsResponse {
    return { oidc: this.config.signIn.oidc !== undefined };
  }

  @Post('login')
  @Public()
  @RateLimited(30, 60)
  @HttpCode(200)
  @Operation(
    'Sign in with a username and password',
    'Opens a browser session (the cookie) and answers who signed in and the CSRF token. Unknown name and wrong password get the same 401; after SIGN_IN_MAX_FAILURES wrong passwords in a row the account is locked for SIGN_IN_LOCK_MINUTES (423). Every attempt is audited. 403 while sign-in goes through OpenID Connect, and for a request another site’s page made.',
  )
  @ApiOkResponse({ type: SessionResponse, headers: SESSION_COOKIE_HEADER })
  @ApiErrors(400, 401, 403, 423)
  async signIn(
    @Body() body: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    // A form on another site must not sign the browser in as someone else (login CSRF): browsers
    // say where a request comes from, and the JSON body alone would not stop a form post.
    if (req.headers['sec-fetch-site'] === 'cross-site')
      throw new ForbiddenException('Inloggningen måste göras från tjänstens egen sida.');
    if (this.config.signIn.oidc)
      throw new ForbiddenException(
        'Inloggning med lösenord är avstängd här: logga in via kommunens inloggningstjänst.',
      );
    const outcome = await this.accounts.signIn(body.username, body.password, req.ip ?? null);
    if (outcome.kind === 'wrongCredentials') throw new UnauthorizedException('Fel användarnamn eller lösenord.');
    if (outcome.kind === 'locked') {
      const seconds = Math.max(1, Math.ceil((outcome.until.getTime() - this.clock.now().getTime()) / 1000));
      res.setHeader('Retry-After', String(seconds));
      throw new HttpException(
        `Kontot är låst efter för många felaktiga inloggningsförsök. Försök igen om ${minutes(Math.ceil(seconds / 60))}.`,
        HttpStatus.LOCKED,
      );
    }
    const id = await this.sessions.start(outcome.person);
    setSessionCookie(res, this.config, id);
    return this.sessions.answerFor(id, outcome.person);
  }

  @Get('session')
  @Public()
  @Operation(
    'Who is signed in in this browser',
    'The session behind the cookie and its CSRF token; 401 when there is none or it has ended (idle or at its limit).',
  )
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(401)
  async session(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const id = sessionIdOf(req, this.config);
    const person = id ? await this.sessions.personOf(id) : undefined;
    if (!id || !person) {
      if (id) clearSessionCookie(res, this.config);
      throw new UnauthorizedException('Du är inte inloggad.');
    }
    return this.sessions.answerFor(id, person);
  }

  @Post('logout')
  @Roles(...ROLES)
  @HttpCode(204)
  @Operation('Sign out', 'Ends the browser session: its cookie opens nothing any more. Needs the X-CSRF-Token header.')
  @ApiNoContentResponse({ description: 'Signed out; the cookie is cleared', headers: SESSION_COOKIE_HEADER })
  async signOut(@Req() req: RequestWithSession, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.browserSessionId) await this.sessions.end(req.browserSessionId);
    clearSessionCookie(res, this.config);
  }
}
