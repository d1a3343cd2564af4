import { Injectable, type PipeTransform } from '@nestjs/common';
import { CLIENT_EVENT_TYPES, SYSTEM_EVENT_TYPES, type ClientEvent } from '../../machines/case-events.js';
import { InvalidInputError } from '../common/domain-errors.js';
import { validatePlain } from '../common/validation.js';
import { CASE_EVENT_DTOS } from './dto/case-event.dtos.js';
import { said } from '../common/said.js';

/** Turns a request body into one checked client event; system events are never accepted here. */
@Injectable()
export class CaseEventPipe implements PipeTransform<unknown, ClientEvent> {
  transform(body: unknown): ClientEvent {
    const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
    if ((SYSTEM_EVENT_TYPES as readonly unknown[]).includes(type)) {
      throw new InvalidInputError([
        said(
          `Händelsen ${String(type)} skickas bara av systemet självt.`,
          `type ${String(type)} is sent only by the system, never by a client`,
        ),
      ]);
    }
    if (typeof type !== 'string' || !Object.hasOwn(CASE_EVENT_DTOS, type)) {
      throw new InvalidInputError([
        said(
          `type ska vara en av händelserna ${CLIENT_EVENT_TYPES.join(', ')}.`,
          `type must be one of: ${CLIENT_EVENT_TYPES.join(', ')}`,
        ),
      ]);
    }
    return { ...validatePlain(CASE_EVENT_DTOS[type as ClientEvent['type']], body) } as ClientEvent;
  }
}
