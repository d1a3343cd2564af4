import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Not, type EntityManager } from 'typeorm';
import type { CaseContext } from '../../machines/case-context.js';
import type { ClientEvent, SystemEvent, CaseEvent } from '../../machines/case-events.js';
import { decide, persist, restore, startCase, subState, topState, type CaseSnapshot } from '../../machines/case-decisions.js';
import { caseFacts } from '../../machines/case-facts.js';
import { wantedDeadlines } from '../../machines/deadline-rules.js';
import { migrateToCurrent, needsMigration } from '../../machines/migrations.js';
import { CURRENT_MACHINE_VERSION, machineFor } from '../../machines/registry.js';
import { visitTimeProblem } from '../../machines/visit-rules.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SYSTEM_ACTOR, type Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, DuplicateCaseError, EventNotAllowedError, NotFoundError, StaleVersionError } from '../common/domain-errors.js';
import { normalizePersonnummer } from '../common/personnummer.js';
import { swedishDate } from '../common/swedish-date.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.js';
import { sealAddress } from '../personal-data/postal-address.js';
import type { Deadline } from '../deadlines/deadline.entity.js';
import { DeadlineDispatcher } from '../deadlines/deadline-dispatcher.js';
import { DeadlinesService } from '../deadlines/deadlines.service.js';
import { interviewConsentGiven } from '../interviews/consent-rules.js';
import { CaseRetentionService } from '../documents/case-retention.service.js';
import { SupportersService } from '../supporters/supporters.service.js';
import { VisitsService } from '../visits/visits.service.js';
import { CaseHistoryEntry } from './case-history-entry.entity.js';
import { CaseParty } from './case-party.entity.js';
import { CaseRecord } from './case-record.entity.js';
import { CaseQueries } from '../case-api/case-queries.service.js';
import { CaseTransitions } from './case-transitions.js';
import type { CaseView } from '../case-api/case-view.js';
import { dryRunAnswer, dryRunBaseline, DryRunRollback, type DryRunAnswer } from './dry-run.js';
import type { RegisterCaseDto } from './dto/register-case.dto.js';
import { judgmentFrom } from './judgment-rules.js';

export interface ApplyOptions {
  /** The version the sender saw (If-Match); a different current version writes nothing. */
  expectedVersion?: number;
  /** More work that must commit or fail with the transition (a deadline marking itself fired). */
  alsoWithin?: (manager: EntityManager, committed: CommittedTransition) => Promise<void>;
  /** Decide and write as for real, then roll everything back (see `dryRun`). */
  dryRun?: boolean;
}

/** What the transition wrote, for work that commits with it. */
export interface CommittedTransition {
  record: CaseRecord;
  fromState: string;
  snapshot: CaseSnapshot;
}

/**
 * The one path every change to a case takes, whether a secretary sent it or a deadline fired:
 * load, ask the machine, and write case, history and deadlines in one transaction.
 */
@Injectable()
export class CaseCommands {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly deadlines: DeadlinesService,
    private readonly dispatcher: DeadlineDispatcher,
    private readonly supporters: SupportersService,
    private readonly visits: VisitsService,
    private readonly transitions: CaseTransitions,
    private readonly personnummer: PersonnummerProtector,
    private readonly queries: CaseQueries,
    private readonly retention: CaseRetentionService,
  ) {}

  async register(dto: RegisterCaseDto, actor: Actor): Promise<CaseRecord> {
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
        custody: role === 'child' ? (('custody' in party && party.custody) || 'joint') : null,
      }),
    );
    const confirmation = dto.confirmDuplicateOf ? { confirmDuplicateOf: dto.confirmDuplicateOf } : {};
    const added = await this.transactions.run(async (manager) => {
      await this.checkNoOtherOpenCase(manager, record, dto.confirmDuplicateOf);
      await manager.insert(CaseRecord, record);
      await manager.insert(CaseParty, parties);
      await this.appendHistory(manager, record, { type: 'REGISTER', at: now.toISOString(), ...judgment, ...confirmation }, null, actor);
      return this.alignDeadlines(manager, record, snapshot, now);
    });
    this.afterCommit(record, 'REGISTER', null, added);
    return record;
  }

  async apply(caseId: string, event: ClientEvent | SystemEvent, actor: Actor, options: ApplyOptions = {}): Promise<CaseRecord> {
    return (await this.execute(caseId, event, actor, options, async () => undefined)).record;
  }

  /** As `apply`, answering with the case as it stands after the event, read in the same transaction. */
  async applyAndView(caseId: string, event: ClientEvent, actor: Actor, options: ApplyOptions = {}): Promise<CaseView> {
    return (await this.execute(caseId, event, actor, options, (manager, committed) => this.queries.viewWithin(manager, caseId, committed))).answer;
  }

  /**
   * What `event` would do, found by the real path: decided and written in a transaction that is
   * then rolled back, with nothing queued or published. A refusal throws as a real send's would.
   */
  async dryRun(caseId: string, event: ClientEvent, actor: Actor, options: ApplyOptions = {}): Promise<DryRunAnswer> {
    try {
      await this.execute(caseId, event, actor, { ...options, dryRun: true }, async () => undefined);
    } catch (error) {
      if (error instanceof DryRunRollback) return error.answer;
      throw error;
    }
    throw new Error('a dry run committed: the rollback signal was not thrown');
  }

  private async execute<T>(
    caseId: string,
    event: ClientEvent | SystemEvent,
    actor: Actor,
    options: ApplyOptions,
    readBack: (manager: EntityManager, committed: CaseRecord) => Promise<T>,
  ): Promise<{ record: CaseRecord; answer: T }> {
    const now = this.clock.now();
    let stamped = { ...event, at: now.toISOString() } as CaseEvent;
    const { record, fromState, added, answer } = await this.transactions.run(async (manager) => {
      const record = await manager.findOneBy(CaseRecord, { id: caseId });
      if (!record) throw new NotFoundError('case');
      // The meeting's consent field is what the consent records say, never a separate yes/no.
      if (stamped.type === 'HOLD_STARTUP_MEETING') stamped = { ...stamped, childInterviewConsent: await interviewConsentGiven(manager, caseId) };
      if (options.expectedVersion !== undefined && options.expectedVersion !== record.version) {
        throw new StaleVersionError(options.expectedVersion, record.version);
      }
      const machine = machineFor(record.machineVersion);
      const decision = decide(machine, restore(machine, record.snapshot), stamped);
      if (decision.outcome === 'notAllowedInState') {
        throw new EventNotAllowedError(event.type, decision.state, decision.allowedEvents);
      }
      if (decision.outcome === 'ruleBroken') {
        throw new BusinessRuleError('machineGuard', `${event.type} refused: ${decision.rules.join('; ')}`);
      }
      await this.checkOutsideRules(manager, stamped, record.snapshot.context, now);
      const fromState = record.state;
      const baseline = options.dryRun ? await dryRunBaseline(manager, record) : undefined;
      const next = Object.assign(new CaseRecord(), record, {
        ...this.stateOf(decision.snapshot),
        version: record.version + 1,
        updatedAt: now,
      });
      const { affected } = await manager.update(
        CaseRecord,
        { id: record.id, version: record.version },
        { ...this.stateOf(decision.snapshot), version: next.version, updatedAt: now },
      );
      // Another process moved the case between our read and our write (PostgreSQL): nothing of ours is written.
      if (affected === 0) throw new StaleVersionError(record.version, record.version + 1);
      await this.appendHistory(manager, next, stamped, fromState, actor);
      if (stamped.type === 'LOG_VISIT') await this.visits.recordWithin(manager, next, stamped, actor, now);
      if (stamped.type === 'ARCHIVE') await this.retention.recordWithin(manager, record.id, now);
      await options.alsoWithin?.(manager, { record: next, fromState, snapshot: decision.snapshot });
      const added = await this.alignDeadlines(manager, next, decision.snapshot, now);
      if (baseline) throw new DryRunRollback(await dryRunAnswer(manager, baseline, event.type, next, decision.snapshot));
      return { record: next, fromState, added, answer: await readBack(manager, next) };
    });
    this.afterCommit(record, event.type, fromState, added);
    return { record, answer };
  }

  /**
   * Moves an open case stored under an earlier machine version to the current one, in one
   * transaction with its history entry and its deadlines brought in line with the current rules.
   * Returns false when there is nothing to do (already current, archived, or moved by another process).
   */
  async migrate(caseId: string): Promise<boolean> {
    const now = this.clock.now();
    const outcome = await this.transactions.run(async (manager) => {
      const record = await manager.findOneBy(CaseRecord, { id: caseId });
      if (!record || !needsMigration(record.machineVersion, record.snapshot)) return null;
      const migrated = migrateToCurrent(record.machineVersion, record.snapshot);
      const snapshot = restore(machineFor(migrated.version), migrated.persisted);
      const next = Object.assign(new CaseRecord(), record, {
        machineVersion: migrated.version,
        ...this.stateOf(snapshot),
        version: record.version + 1,
        updatedAt: now,
      });
      const { affected } = await manager.update(
        CaseRecord,
        { id: record.id, version: record.version },
        { machineVersion: next.machineVersion, ...this.stateOf(snapshot), version: next.version, updatedAt: now },
      );
      if (affected === 0) return null;
      const event = { type: 'MACHINE_MIGRATED', at: now.toISOString(), fromVersion: record.machineVersion, toVersion: migrated.version, path: migrated.path };
      await this.appendHistory(manager, next, event, record.state, SYSTEM_ACTOR);
      return { record: next, added: await this.alignDeadlines(manager, next, snapshot, now) };
    });
    if (!outcome) return false;
    this.afterCommit(outcome.record, 'MACHINE_MIGRATED', outcome.record.state, outcome.added);
    return true;
  }

  /** One open case per court case: a second one is almost always the same judgment registered twice. */
  private async checkNoOtherOpenCase(manager: EntityManager, record: CaseRecord, confirmedDuplicateOf: string | undefined): Promise<void> {
    const open = await manager.find(CaseRecord, {
      select: { id: true },
      where: { court: record.court, courtCaseNumber: record.courtCaseNumber, state: Not('archived') },
      order: { createdAt: 'ASC' },
    });
    if (open.length > 0 && !open.some((existing) => existing.id === confirmedDuplicateOf)) {
      throw new DuplicateCaseError(open[0].id);
    }
  }

  /** Rules the machine cannot know: they need the database or the clock. */
  private async checkOutsideRules(manager: EntityManager, event: CaseEvent, context: CaseContext, now: Date): Promise<void> {
    if (event.type === 'APPOINT_SUPPORTER' || event.type === 'REPLACE_SUPPORTER') {
      await this.supporters.requireAppointable(manager, event.supporterId, now);
    }
    if (event.type === 'LOG_VISIT') {
      if (Date.parse(event.occurredAt) > now.getTime()) {
        throw new BusinessRuleError('visitHasHappened', 'a visit is logged after it took place: occurredAt is in the future', 'occurredAt');
      }
      const problem = visitTimeProblem(context, event.occurredAt);
      if (problem) throw new BusinessRuleError(problem.rule, problem.message, 'occurredAt');
    }
  }

  /** The columns a snapshot fills: where the case stands, the snapshot itself, and the facts queries read. */
  private stateOf(snapshot: CaseSnapshot) {
    const persisted = persist(snapshot);
    return { state: topState(snapshot.value), subState: subState(snapshot.value), snapshot: persisted, ...caseFacts(persisted) };
  }

  private async appendHistory(
    manager: EntityManager,
    record: CaseRecord,
    event: { type: string; at: string },
    fromState: string | null,
    actor: Actor,
  ): Promise<void> {
    const { type, at, ...payload } = event as { type: string; at: string } & Record<string, unknown>;
    const entry = Object.assign(new CaseHistoryEntry(), {
      caseId: record.id,
      version: record.version,
      type,
      payload,
      fromState,
      toState: record.state,
      at: new Date(at),
      actorId: actor.id,
      actorRole: actor.role,
    });
    await manager.getRepository(CaseHistoryEntry).insert(entry);
  }

  private alignDeadlines(manager: EntityManager, record: CaseRecord, snapshot: CaseSnapshot, now: Date): Promise<Deadline[]> {
    const wanted = wantedDeadlines(record.state, snapshot.context, this.config.reminderDelays);
    return this.deadlines.alignWithin(manager, record.id, wanted, now);
  }

  private afterCommit(record: CaseRecord, eventType: string, fromState: string | null, added: Deadline[]): void {
    this.dispatcher.dispatch(added);
    this.transitions.publish({ caseId: record.id, eventType, fromState, toState: record.state, subState: record.subState, version: record.version, at: record.updatedAt.toISOString() });
  }
}
