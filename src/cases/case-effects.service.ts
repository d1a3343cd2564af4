import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseContext } from '../../machines/case-context.js';
import type { CaseSnapshot } from '../../machines/case-decisions.js';
import type { CaseEvent } from '../../machines/case-events.js';
import type { Actor } from '../common/actor.js';
import type { CaseParty } from './case-party.entity.js';
import type { CaseRecord } from './case-record.entity.js';

/** Every change a case's history records: the machine's events, its registration and its move to a newer machine version. */
export type ChangeType = CaseEvent['type'] | 'REGISTER' | 'MACHINE_MIGRATED';

/**
 * Which work must commit with which change, by the name of the effect that does it. The command
 * path runs no feature's work itself: each feature registers its effect under its name, and the
 * service does not start while a name here has no effect registered. Effects run in this order;
 * deadlines last, so they are aligned with everything the change wrote.
 */
export const EFFECTS_NEEDED = {
  /** Every date an event records fits the case and the clock (422 naming the field and rule otherwise). */
  /** A decision names who made it (förvaltningslagen 31 §): the acting secretary's profile where the event names no one. */
  decisionMaker: ['APPOINT_SUPPORTER', 'REPLACE_SUPPORTER', 'END_EARLY', 'ARCHIVE'],
  eventDates: [
    'END_EARLY',
    'APPOINT_SUPPORTER',
    'REPLACE_SUPPORTER',
    'SEND_SUMMONS',
    'BOOK_MEETING',
    'HOLD_STARTUP_MEETING',
    'START_VISITS',
    'HOLD_FOLLOW_UP',
    'HOLD_CLOSING_MEETING',
    'SUBMIT_EVALUATION',
    'ARCHIVE',
  ],
  /** Where a parent's whereabouts are protected, a summons plans individual meetings, never a joint one. */
  separateMeetings: ['SEND_SUMMONS', 'BOOK_MEETING'],
  /** The assignment is given only to a supporter who may take it (vetted, within capacity). */
  supporterAppointable: ['APPOINT_SUPPORTER', 'REPLACE_SUPPORTER'],
  /** The start-up meeting records consent to a child interview as the consent records say. */
  meetingConsent: ['HOLD_STARTUP_MEETING'],
  /** A logged visit is filed beside the case and counted toward its supporter. */
  visitRecord: ['LOG_VISIT'],
  /** A case is archived only once every held visit has its report, or the secretary recorded why it never will. */
  reportsSettled: ['ARCHIVE'],
  /** An archived case gets its retention (gallring) date. */
  retention: ['ARCHIVE'],
  /** A period that ran out before visits started raises an alert: the court must be told. */
  periodEndedAlert: ['PERIOD_ENDED'],
  /** The case's deadlines follow where it stands after every change. */
  deadlines: 'everyChange',
} as const satisfies Record<string, readonly ChangeType[] | 'everyChange'>;

export type EffectName = keyof typeof EFFECTS_NEEDED;

type TypesOf<N extends EffectName> = (typeof EFFECTS_NEEDED)[N] extends readonly (infer T extends ChangeType)[]
  ? T
  : ChangeType;

/** The event as the history records it: a machine event, or a registration or migration with its details. */
export type ChangeEvent<T extends ChangeType = ChangeType> = T extends CaseEvent['type']
  ? Extract<CaseEvent, { type: T }> & { at: string }
  : { type: T; at: string } & Record<string, unknown>;

/** What a change wrote so far, as the effects inside its transaction see it. */
export interface CaseChange<T extends ChangeType = ChangeType> {
  readonly event: ChangeEvent<T>;
  /** The case as this change leaves it (state, version and facts already written). */
  readonly record: CaseRecord;
  /** The state before the change; null for a registration. */
  readonly fromState: string | null;
  readonly snapshot: CaseSnapshot;
  readonly actor: Actor;
  readonly now: Date;
  /** Rows effects wrote or read that the answer shows, so it is built without reading them again. */
  readonly rows: ChangeRows;
  /** The device's Idempotency-Key for the request, kept with what the change files. */
  readonly idempotencyKey?: string;
}

/**
 * Filled by effects and read by the case's answer; each feature adds its field by declaration
 * merging (`declare module` on this file), so cases names no feature's rows.
 */
export interface ChangeRows {
  /** The case's parties: as a registration wrote them, or as a change whose answer shows them read them with the case. */
  parties?: CaseParty[];
}

/** Work to do once the change has committed (handing new deadlines to the queue). */
export type AfterCommit = () => void | Promise<void>;

/** What one feature does for the changes its name covers in EFFECTS_NEEDED. */
export interface CaseEffect<N extends EffectName = EffectName> {
  readonly name: N;
  /** Before the machine decides: fills in what the event carries from the feature's records. */
  prepare?(
    manager: EntityManager,
    event: ChangeEvent<TypesOf<N>>,
    caseId: string,
    actor: Actor,
  ): Promise<ChangeEvent<TypesOf<N>>>;
  /** After the machine accepted the event, before anything is written: throws to refuse it. */
  check?(
    manager: EntityManager,
    event: ChangeEvent<TypesOf<N>>,
    context: CaseContext,
    now: Date,
    caseId: string,
  ): void | Promise<void>;
  /** Writes that commit, or roll back, with the change. */
  within?(manager: EntityManager, change: CaseChange<TypesOf<N>>): Promise<AfterCommit | void>;
}

/** A feature's effect is missing: the service must not start, or that change would silently skip its work. */
export class MissingCaseEffectError extends Error {
  constructor(readonly missing: { name: EffectName; changes: readonly ChangeType[] | 'everyChange' }[]) {
    super(
      `no effect is registered for ${missing
        .map(
          ({ name, changes }) =>
            `${name} (needed by ${changes === 'everyChange' ? 'every change' : changes.join(', ')})`,
        )
        .join('; ')}: the module that owns it is not imported`,
    );
  }
}

const ORDER = Object.keys(EFFECTS_NEEDED) as EffectName[];

function covers(name: EffectName, type: string): boolean {
  const changes: readonly string[] | 'everyChange' = EFFECTS_NEEDED[name];
  return changes === 'everyChange' || changes.includes(type);
}

/**
 * The typed registry of what each change does beyond the case row and its history. Features
 * register in their module's `onModuleInit`; the check runs once every module has, at bootstrap.
 */
@Injectable()
export class CaseEffects implements OnApplicationBootstrap {
  private readonly effects = new Map<EffectName, CaseEffect>();
  private complete = false;

  register<N extends EffectName>(effect: CaseEffect<N>): void {
    if (this.effects.has(effect.name)) throw new Error(`the case effect ${effect.name} is registered twice`);
    this.effects.set(effect.name, effect);
  }

  onApplicationBootstrap(): void {
    this.requireComplete();
  }

  requireComplete(): void {
    const missing = ORDER.filter((name) => !this.effects.has(name)).map((name) => ({
      name,
      changes: EFFECTS_NEEDED[name],
    }));
    if (missing.length > 0) throw new MissingCaseEffectError(missing);
    this.complete = true;
  }

  async prepare<E extends ChangeEvent>(manager: EntityManager, event: E, caseId: string, actor: Actor): Promise<E> {
    let prepared = event;
    for (const effect of this.for(event.type))
      if (effect.prepare) prepared = (await effect.prepare(manager, prepared, caseId, actor)) as E;
    return prepared;
  }

  async check(
    manager: EntityManager,
    event: ChangeEvent,
    context: CaseContext,
    now: Date,
    caseId: string,
  ): Promise<void> {
    for (const effect of this.for(event.type)) await effect.check?.(manager, event, context, now, caseId);
  }

  /** Runs the change's effects in order; returns what is to run after the commit. */
  async within(manager: EntityManager, change: CaseChange): Promise<AfterCommit[]> {
    const after: AfterCommit[] = [];
    for (const effect of this.for(change.event.type)) {
      const then = await effect.within?.(manager, change);
      if (then) after.push(then);
    }
    return after;
  }

  /** A change run before every module registered (a start-up hook too early) would skip work: refused. */
  private for(type: string): CaseEffect[] {
    if (!this.complete) this.requireComplete();
    return ORDER.filter((name) => covers(name, type)).flatMap((name) => this.effects.get(name) ?? []);
  }
}
