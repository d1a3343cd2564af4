import type { Actor } from './actor.js';
import { BusinessRuleError, InvalidInputError } from './domain-errors.js';
import { said } from './said.js';

/** The header a device sends with a report or a visit it may send again (offline, or an answer lost). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The header as the OpenAPI document describes it, on every route that takes it. */
export const IDEMPOTENCY_KEY_DOC = {
  name: IDEMPOTENCY_KEY_HEADER,
  required: false,
  description:
    'Made on the device (a UUID, say) and sent again with every repeat of this request: what it filed is filed once, and a repeat is answered as the first was',
};

/** The device's key: 8 to 64 letters, digits, `-` or `_` (a UUID fits); none when absent. */
export function idempotencyKeyFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(header))
    throw new InvalidInputError([
      said(
        'Idempotency-Key ska vara 8–64 tecken: bokstäver a–z, siffror, - eller _ (till exempel ett UUID).',
        'Idempotency-Key must be 8 to 64 characters of a-z, A-Z, 0-9, - or _ (a UUID, say)',
      ),
    ]);
  return header;
}

/**
 * Thrown inside a change's transaction when its key was filed already: the transaction rolls back
 * and the request is answered as the first one was. Carries the actor as the change saw it (a
 * supporter's place on the case included), for that answer.
 */
export class RepeatedRequest extends Error {
  constructor(readonly actor: Actor) {
    super('a request with this Idempotency-Key was filed already');
  }
}

/** The key names something else than this request (another case or visit): refused, nothing filed. */
export function keyUsedElsewhere(): BusinessRuleError {
  return new BusinessRuleError(
    'idempotencyKeyUnused',
    said(
      'Idempotency-Key har redan använts för något annat: skapa en ny nyckel för varje rapport eller besök.',
      'Idempotency-Key was used for something else: make a new key for each report or visit',
    ),
    IDEMPOTENCY_KEY_HEADER,
  );
}
