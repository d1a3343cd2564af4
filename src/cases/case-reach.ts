import { supporterAppointedSince } from '../../machines/case-facts.js';
import type { Actor } from '../common/actor.js';
import { BusinessRuleError, CaseOutOfReachError } from '../common/domain-errors.js';
import { swedishDate } from '../common/swedish-date.js';
import type { CaseRecord } from './case-record.entity.js';
import { said } from '../common/said.js';

/** Since when `supporterId` serves the case, if they are its supporter now and it is not archived. */
export function currentAppointmentSince(
  record: Pick<CaseRecord, 'state' | 'supporterId' | 'snapshot'>,
  supporterId: string | undefined,
): string | null {
  if (!supporterId || record.state === 'archived' || record.supporterId !== supporterId) return null;
  return supporterAppointedSince(record.snapshot);
}

/**
 * A supporter's place on the case a command has just loaded, checked on that row (routes marked
 * @ReachCheckedByCommand, where the access guard does not read the case first): only the
 * supporter appointed now may change it. Every other actor, and a supporter the guard already
 * placed, passes as is.
 */
export function supporterReachOnCommand(record: CaseRecord | null, actor: Actor): Actor {
  if (actor.role !== 'supporter' || actor.reach) return actor;
  // A case that does not exist is out of reach alike: a supporter learns nothing from the answer or the trail.
  const since = record ? currentAppointmentSince(record, actor.supporterId) : null;
  if (!since) throw new CaseOutOfReachError();
  return { ...actor, reach: { kind: 'current', since } };
}

/**
 * A supporter files visits and reports only from the day they were appointed (or took over) on:
 * a visit dated before it lies in a predecessor's time, and being paid for it would take theirs.
 * Refused with 422 naming the rule and `field`. Anyone else, and a supporter reporting on the
 * case they left (their own earlier time), passes.
 */
export function requireWithinOwnAppointment(actor: Actor, occurredAt: Date | string, field: string): void {
  if (actor.role !== 'supporter' || actor.reach?.kind !== 'current') return;
  const appointedOn = swedishDate(new Date(actor.reach.since));
  if (swedishDate(new Date(occurredAt)) < appointedOn)
    throw new BusinessRuleError(
      'beforeOwnAppointment',
      said(
        `Du kan bara registrera umgängestillfällen från och med den dag du utsågs (${appointedOn}): det här ligger före den dagen.`,
        `a supporter files only visits on or after the day they were appointed (${appointedOn}): this one lies before it`,
      ),
      field,
    );
}
