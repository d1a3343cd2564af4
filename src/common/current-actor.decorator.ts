import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from './actor.js';

export interface RequestWithActor extends Request {
  actor?: Actor;
}

/**
 * The signed-in user making the request. Until authentication is in place every caller acts
 * as an unnamed secretary; the access-control module sets `request.actor`.
 */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<RequestWithActor>();
  return request.actor ?? { id: 'anonymous', role: 'secretary' };
});
