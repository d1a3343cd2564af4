import { ForbiddenException } from '@nestjs/common';
import type { ClientEventType } from '../../machines/case-events.js';
import type { Actor } from '../common/actor.js';
import { said } from '../common/said.js';
import { eventWords } from '../common/domain-errors.js';

/**
 * Which events each role may send to a case. The secretary runs the case (archiving included);
 * the administrator only archives; a supporter only logs the visits of their own case.
 */
const EVENTS_BY_ROLE: Record<Actor['role'], readonly ClientEventType[] | 'any'> = {
  secretary: 'any',
  system: 'any',
  administrator: ['ARCHIVE'],
  supporter: ['LOG_VISIT'],
  developer: [],
};

export function maySend(actor: Actor, type: ClientEventType): boolean {
  const allowed = EVENTS_BY_ROLE[actor.role];
  return allowed === 'any' || allowed.includes(type);
}

export function requireMaySend(actor: Actor, type: ClientEventType): void {
  if (!maySend(actor, type))
    throw new ForbiddenException(
      said(`Du får inte göra ”${eventWords(type)}” i din roll.`, `a ${actor.role} may not send ${type}`),
    );
}
