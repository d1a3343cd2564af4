import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../../config/app-config.js';
import type { RequestWithActor } from '../../common/current-actor.decorator.js';
import { cookieOf } from '../cookies.js';

/** A request the access guard let in through a browser session: the session's id, for sign-out. */
export interface RequestWithSession extends RequestWithActor {
  browserSessionId?: string;
}

/** Secure when users reach the service over https (PUBLIC_BASE_URL). */
export function isSecure(config: AppConfig): boolean {
  return config.notifications.publicBaseUrl.startsWith('https:');
}

/** The session cookie: `__Host-` when it is Secure, so no subdomain or path can set one of its own. */
export function sessionCookieName(config: AppConfig): string {
  return isSecure(config) ? '__Host-umgangesstod-session' : 'umgangesstod-session';
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure behind
 * an https address, for the whole service, and without an expiry: it goes when the browser
 * closes, and the server ends the session sooner when it idles or reaches its limit.
 */
function cookieOptions(config: AppConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: isSecure(config), path: '/' };
}

export function setSessionCookie(response: Response, config: AppConfig, id: string): void {
  response.cookie(sessionCookieName(config), id, cookieOptions(config));
}

export function clearSessionCookie(response: Response, config: AppConfig): void {
  response.clearCookie(sessionCookieName(config), cookieOptions(config));
}

export function sessionIdOf(request: Request, config: AppConfig): string | undefined {
  return cookieOf(request, sessionCookieName(config));
}
