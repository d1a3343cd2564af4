import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from './actor.js';

export interface RequestWithActor extends Request {
  actor?: Actor;
}

/**
 * The signed-in user making the request, as the access guard (src/auth) set it. A route open
 * without a token (@Public) has no actor: asking for one there is a programming error.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<RequestWithActor>();
  if (!request.actor) throw new Error('@CurrentActor() used on a route that lets callers in without a token');
  return request.actor;
});
