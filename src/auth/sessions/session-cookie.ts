import type { CookieOptions, Request, Response } from 'express';
import type { SignInConfig } from '../../config/app-config.js';
import type { RequestWithActor } from '../../common/current-actor.decorator.js';
import { cookieOf } from '../cookies.js';

/** A request the access guard let in through a browser session: the session's id, for sign-out. */
export interface RequestWithSession extends RequestWithActor {
  browserSessionId?: string;
}

/** The session cookie: `__Host-` when it is Secure, so no subdomain or path can set one of its own. */
export function sessionCookieName(signIn: SignInConfig): string {
  return signIn.secureCookie ? '__Host-umgangesstod-session' : 'umgangesstod-session';
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure behind
 * an https address, for the whole service, and without an expiry: it goes when the browser
 * closes, and the server ends the session sooner when it idles or reaches its limit.
 */
function cookieOptions(signIn: SignInConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: signIn.secureCookie, path: '/' };
}

export function setSessionCookie(response: Response, signIn: SignInConfig, id: string): void {
  response.cookie(sessionCookieName(signIn), id, cookieOptions(signIn));
}

export function clearSessionCookie(response: Response, signIn: SignInConfig): void {
  response.clearCookie(sessionCookieName(signIn), cookieOptions(signIn));
}

export function sessionIdOf(request: Request, signIn: SignInConfig): string | undefined {
  return cookieOf(request, sessionCookieName(signIn));
}
