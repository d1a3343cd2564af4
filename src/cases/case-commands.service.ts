import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClientEvent, SystemEvent } from '../../machines/case-events.js';
import {
  decide,
  persist,
  restore,
  startCase,
  subState,
  topState,
  type CaseSnapshot,
} from '../../machines/case-decisions.js';
import { caseFacts } from '../../machines/case-facts.js';
import { migrateToCurrent, needsMigration } from '../../machines/migrations.js';
import { CURRENT_MACHINE_VERSION, machineFor } from '../../machines/registry.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RequestAudit } from '../audit/request-audit.service.js';
import { SYSTEM_ACTOR, type Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import {
  BusinessRuleError,
  DuplicateCaseError,
  EventNotAllowedError,
  NotFoundError,
  StaleVersionError,
} from '../common/domain-errors.js';
import { normalizePersonnummer } from '../common/personnummer.js';
import { swedishDate } from '../common/swedish-date.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.service.js';
import { sealAddress } from '../personal-data/postal-address.js';
import { CaseEffects, type AfterCommit, type CaseChange, type ChangeEvent } from './case-effects.service.js';
import { CaseParty } from './case-party.entity.js';
import { CasesRepository } from './cases.repository.js';
import { requireWithinOwnAppointment, supporterReachOnCommand } from './case-reach.js';
import { CaseRecord } from './case-record.entity.js';
import { CaseTransitions } from './case-transitions.service.js';
import { DryRunRollback, type DryRunProbe } from './dry-run-probe.js';
import type { CaseRegistration } from './case-registration.js';
import { judgmentFrom } from './judgment-rules.js';
import { guardRefusal } from './guard-refusal.js';

export interface ApplyOptions {
  /** The version the sender saw (If-Match); a different current version writes nothing. */
  expectedVersion?: number;
  /** The device's Idempotency-Key, kept with what the change files (a logged visit). */
  idempotencyKey?: string;
  /** More work that must commit or fail with the transition (a deadline marking itself fired). */
  alsoWithin?: (manager: EntityManager, change: CaseChange) => Promise<void>;
}

/** How the caller wants the committed change answered, built inside the transaction from what it wrote. */
export type ReadBack<T> = (manager: EntityManager, change: CaseChange) => Promise<T>;

/** How a change is answered: what is read back for it, and whether that shows the parties (then read with the case). */
interface Answering<T> {
  readBack: ReadBack<T>;
  showsParties: boolean;
}

const NO_ANSWER: Answering<undefined> = { readBack: () => Promise.resolve(undefined), showsParties: false };

/**
 * The one path every change to a case takes, whether a secretary sent it or a deadline fired:
 * load the case once, ask the machine, and write case, history, the features' effects (deadlines
 * among them) and the request's audit entry in one transaction; answer from what it wrote.
 */
@Injectable()
export class CaseCommands {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly rows: CasesRepository,
    private readonly effects: CaseEffects,
    private readonly transitions: CaseTransitions,
    private readonly personnummer: PersonnummerProtector,
    private readonly audit: RequestAudit,
  ) {}

  /** Registers the judgment as a new case, answered by `readBack` from what was written. */
  async register<T>(dto: CaseRegistration, actor: Actor, readBack: ReadBack<T>): Promise<T> {
    const now = this.clock.now();
    const judgment = judgmentFrom(dto, this.config.periodCapMonths, swedishDate(now));
    const machine = machineFor(CURRENT_MACHINE_VERSION);
    const snapshot = startCase(machine, { judgment, registeredAt: now.toISOString() });
    const record = Object.assign(new CaseRecord(), {
      id: randomUUID(),
      machineVersion: CURRENT_MACHINE_VERSION,
      ...this.stateOf(snapshot),
      version: 1,
      court: judgment.court,
      courtCaseNumber: judgment.courtCaseNumber,
      periodStart: judgment.periodStart,
      periodEnd: judgment.periodEnd,
      responsibleSecretaryId: actor.role === 'secretary' ? actor.id : null,
      createdAt: now,
      updatedAt: now,
    });
    const parties = [
      ...dto.children.map((child, position) => ({ role: 'child' as const, position, party: child })),
      { role: 'residentParent' as const, position: 0, party: dto.residentParent },
      { role: 'visitingParent' as const, position: 0, party: dto.visitingParent },
    ].map(({ role, position, party }) =>
      Object.assign(new CaseParty(), {
        id: randomUUID(),
        caseId: record.id,
        role,
        position,
        name: party.name,
        ...this.personnummer.protect(normalizePersonnummer(party.personnummer)),
        addressCiphertext: sealAddress(this.personnummer, party.address),
        protection: party.protection ?? null,
        meetingRisk: false,
        custody: role === 'child' ? ('custody' in party && party.custody) || 'joint' : null,
      }),
    );
    const confirmation = dto.confirmDuplicateOf ? { confirmDuplicateOf: dto.confirmDuplicateOf } : {};
    const event = { type: 'REGISTER', at: now.toISOString(), ...judgment, ...confirmation } as ChangeEvent<'REGISTER'>;
    const { after, answer } = await this.transactions.run(async (manager) => {
      await this.checkNoOtherOpenCase(manager, record, dto.confirmDuplicateOf);
      const change: CaseChange = { event, record, fromState: null, snapshot, actor, now, rows: { parties } };
      await this.rows.insert(manager, change, parties);
      const after = await this.effects.within(manager, change);
      const answer = await readBack(manager, change);
      return { after: await this.appendAudit(manager, change, after), answer };
    });
    await this.afterCommit(record, event.type, null, after);
    return answer;
  }

  async apply(
    caseId: string,
    event: ClientEvent | SystemEvent,
    actor: Actor,
    options: ApplyOptions = {},
  ): Promise<CaseRecord> {
    return (await this.execute(caseId, event, actor, options, NO_ANSWER)).change.record;
  }

  /** As `apply`, answered by `readBack` inside the same transaction from the rows the change wrote. */
  applyAndAnswer<T>(
    caseId: string,
    event: ClientEvent,
    actor: Actor,
    options: ApplyOptions,
    readBack: ReadBack<T>,
  ): Promise<{ change: CaseChange; answer: T }> {
    return this.execute(caseId, event, actor, options, { readBack, showsParties: true });
  }

  /**
   * What `event` would do, found by the real path: decided and written in a transaction that is
   * then rolled back, with nothing queued or published; `probe` looks before and after the writes.
   * A refusal throws as a real send's would.
   */
  async dryRun<B, A>(
    caseId: string,
    event: ClientEvent,
    actor: Actor,
    options: ApplyOptions,
    probe: DryRunProbe<B, A>,
  ): Promise<A> {
    try {
      await this.execute(caseId, event, actor, options, NO_ANSWER, probe);
    } catch (error) {
      if (error instanceof DryRunRollback) return error.answer as A;
      throw error;
    }
    throw new Error('a dry run committed: the rollback signal was not thrown');
  }

  private async execute<T>(
    caseId: string,
    event: ClientEvent | SystemEvent,
    actor: Actor,
    options: ApplyOptions,
    answering: Answering<T>,
    probe?: DryRunProbe<unknown, unknown>,
  ): Promise<{ change: CaseChange; answer: T }> {
    const now = this.clock.now();
    const outcome = await this.transactions.run(async (manager) => {
      // An answer that shows the parties has them read with the case (one round trip on PostgreSQL), not after.
      const loaded = answering.showsParties
        ? await this.rows.loadWithParties(manager, caseId)
        : { record: await this.rows.load(manager, caseId), parties: undefined };
      const record = loaded?.record ?? null;
      const reachedBy = supporterReachOnCommand(record, actor);
      if (!record) throw new NotFoundError('case');
      if (event.type === 'LOG_VISIT') requireWithinOwnAppointment(reachedBy, event.occurredAt, 'occurredAt');
      const stamped = await this.effects.prepare(manager, { ...event, at: now.toISOString() }, caseId, actor);
      if (options.expectedVersion !== undefined && options.expectedVersion !== record.version) {
        throw new StaleVersionError(options.expectedVersion, record.version);
      }
      const machine = machineFor(record.machineVersion);
      const decision = decide(machine, restore(machine, record.snapshot), stamped);
      if (decision.outcome === 'notAllowedInState') {
        throw new EventNotAllowedError(event.type, decision.state, decision.allowedEvents);
      }
      if (decision.outcome === 'ruleBroken') {
        throw new BusinessRuleError('machineGuard', guardRefusal(event.type, decision.rules));
      }
      await this.effects.check(manager, stamped, record.snapshot.context, now, caseId);
      const before = probe ? { seen: await probe.before(manager, record) } : undefined;
      const next = this.advanced(record, record.machineVersion, decision.snapshot, now);
      const rows = loaded?.parties ? { parties: loaded.parties } : {};
      const change: CaseChange = {
        event: stamped,
        record: next,
        fromState: record.state,
        snapshot: decision.snapshot,
        actor: reachedBy,
        now,
        rows,
        idempotencyKey: options.idempotencyKey,
      };
      // Another process moved the case between our read and our write (PostgreSQL): nothing of ours is written.
      if (!(await this.rows.replace(manager, change, record.version)))
        throw new StaleVersionError(record.version, record.version + 1);
      await options.alsoWithin?.(manager, change);
      const after = await this.effects.within(manager, change);
      if (probe && before) throw new DryRunRollback(await probe.after(manager, before.seen, change));
      const answered = await answering.readBack(manager, change);
      return { change, after: await this.appendAudit(manager, change, after), answered };
    });
    await this.afterCommit(outcome.change.record, event.type, outcome.change.fromState, outcome.after);
    return { change: outcome.change, answer: outcome.answered };
  }

  /**
   * Moves an open case stored under an earlier machine version to the current one, in one
   * transaction with its history entry and its deadlines brought in line with the current rules.
   * Returns false when there is nothing to do (already current, archived, or moved by another process).
   */
  async migrate(caseId: string): Promise<boolean> {
    const now = this.clock.now();
    const outcome = await this.transactions.run(async (manager) => {
      const record = await this.rows.load(manager, caseId);
      if (!record || !needsMigration(record.machineVersion, record.snapshot)) return null;
      const migrated = migrateToCurrent(record.machineVersion, record.snapshot);
      const snapshot = restore(machineFor(migrated.version), migrated.persisted);
      const next = this.advanced(record, migrated.version, snapshot, now);
      const event = {
        type: 'MACHINE_MIGRATED',
        at: now.toISOString(),
        fromVersion: record.machineVersion,
        toVersion: migrated.version,
        path: migrated.path,
      } as ChangeEvent<'MACHINE_MIGRATED'>;
      const change: CaseChange = {
        event,
        record: next,
        fromState: record.state,
        snapshot,
        actor: SYSTEM_ACTOR,
        now,
        rows: {},
      };
      if (!(await this.rows.replace(manager, change, record.version))) return null;
      const after = await this.effects.within(manager, change);
      return { record: next, after };
    });
    if (!outcome) return false;
    await this.afterCommit(outcome.record, 'MACHINE_MIGRATED', outcome.record.state, outcome.after);
    return true;
  }

  /** One open case per court case: a second one is almost always the same judgment registered twice. */
  private async checkNoOtherOpenCase(
    manager: EntityManager,
    record: CaseRecord,
    confirmedDuplicateOf: string | undefined,
  ): Promise<void> {
    const open = await this.rows.openFor(manager, record.court, record.courtCaseNumber);
    const confirmed = confirmedDuplicateOf !== undefined && open.includes(confirmedDuplicateOf);
    if (open.length > 0 && !confirmed) throw new DuplicateCaseError(open[0]);
  }

  /** The case as a change leaves it: one version on, under `machineVersion`, where `snapshot` stands. */
  private advanced(record: CaseRecord, machineVersion: string, snapshot: CaseSnapshot, now: Date): CaseRecord {
    return Object.assign(new CaseRecord(), record, {
      machineVersion,
      ...this.stateOf(snapshot),
      version: record.version + 1,
      updatedAt: now,
    });
  }

  /** The columns a snapshot fills: where the case stands, the snapshot itself, and the facts queries read. */
  private stateOf(snapshot: CaseSnapshot) {
    const persisted = persist(snapshot);
    return {
      state: topState(snapshot.value),
      subState: subState(snapshot.value),
      snapshot: persisted,
      ...caseFacts(persisted),
    };
  }

  /**
   * The request's audit entry, the transaction's last write: on PostgreSQL it takes the chain's
   * lock, held to the commit, so nothing may come after it that other appenders would wait for.
   */
  private async appendAudit(manager: EntityManager, change: CaseChange, after: AfterCommit[]): Promise<AfterCommit[]> {
    const audited = await this.audit.appendWithin(manager, change.record.id);
    return audited ? [...after, audited] : after;
  }

  private async afterCommit(
    record: CaseRecord,
    eventType: string,
    fromState: string | null,
    after: AfterCommit[],
  ): Promise<void> {
    this.transitions.publish({
      caseId: record.id,
      eventType,
      fromState,
      toState: record.state,
      subState: record.subState,
      version: record.version,
      at: record.updatedAt.toISOString(),
    });
    for (const then of after) await then();
  }
}
