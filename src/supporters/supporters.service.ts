import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, NotFoundError } from '../common/domain-errors.js';
import type { Page } from '../common/paging.dto.js';
import { swedishDate } from '../common/swedish-date.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.service.js';
import { sealAddress } from '../personal-data/postal-address.js';
import type { ListSupportersQuery } from './dto/list-supporters.query.js';
import type { SupporterAddressDto } from './dto/supporter-address.dto.js';
import type { RegisterSupporterDto, SupporterProfileDto } from './dto/register-supporter.dto.js';
import type { DecideSupporterDto, RecordVettingStepDto } from './dto/vetting.dto.js';
import {
  appointmentGaps,
  VETTING_STEP_COLUMN,
  vettingExpiresWithin,
  vettingGaps,
  vettingValidUntil,
} from './supporter-vetting.js';
import { Supporter } from './supporter.entity.js';
import { said, type Said } from '../common/said.js';
import { SupportersRepository } from './supporters.repository.js';
import { CasesRepository } from '../cases/cases.repository.js';

/** A supporter as the unit sees them: vetting, decision, and how much room is left for assignments. */
function supporterView(supporter: Supporter, assignments: number, gaps: Said[], validUntil: string | null) {
  return {
    id: supporter.id,
    name: supporter.name,
    phone: supporter.phone,
    email: supporter.email,
    status: supporter.status,
    languages: supporter.languages,
    area: supporter.area,
    availability: supporter.availability,
    capacity: supporter.capacity,
    activeAssignments: assignments,
    freeCapacity: Math.max(0, supporter.capacity - assignments),
    vetting: {
      interviewHeldOn: supporter.interviewHeldOn,
      referencesTakenOn: supporter.referencesTakenOn,
      criminalRecordExtractOn: supporter.criminalRecordExtractOn,
      socialServicesExtractOn: supporter.socialServicesExtractOn,
    },
    vettingValidUntil: validUntil,
    decision: supporter.decidedAt
      ? {
          status: supporter.status,
          at: supporter.decidedAt.toISOString(),
          by: supporter.decidedBy,
          reason: supporter.decisionReason,
        }
      : null,
    appointable: gaps.length === 0,
    appointmentGaps: gaps.map((gap) => gap.sv),
    createdAt: supporter.createdAt.toISOString(),
  };
}
export type SupporterView = ReturnType<typeof supporterView>;

@Injectable()
export class SupportersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly supporters: SupportersRepository,
    private readonly cases: CasesRepository,
    private readonly protector: PersonnummerProtector,
  ) {}

  /** The e-service's expression of interest: a new supporter waiting to be vetted. */
  async expressInterest(dto: SupporterProfileDto): Promise<{ id: string; status: Supporter['status'] }> {
    const supporter = await this.create(dto, 1);
    return { id: supporter.id, status: supporter.status };
  }

  async register(dto: RegisterSupporterDto): Promise<SupporterView> {
    const supporter = await this.create(dto, dto.capacity ?? 1);
    return this.viewOf(supporter, 0);
  }

  get(id: string): Promise<SupporterView> {
    return this.transactions.run(async (manager) => {
      const supporter = await this.find(manager, id);
      const assignments = await this.assignmentsOf(manager, id);
      return this.viewOf(supporter, assignments);
    });
  }

  async list(query: ListSupportersQuery): Promise<Page<SupporterView>> {
    const { supporters, assignments } = await this.transactions.run(async (manager) => ({
      supporters: await this.supporters.list(manager, query.status),
      assignments: await this.cases.activeAssignments(manager),
    }));
    // Languages live in a JSON column and free capacity needs the cases: a unit's roster is small, filter here.
    const area = query.area?.trim().toLowerCase();
    const today = swedishDate(this.clock.now());
    const views = supporters
      .filter((s) => query.language === undefined || s.languages.includes(query.language))
      .filter((s) => area === undefined || s.area?.toLowerCase() === area)
      .map((s) => this.viewOf(s, assignments.get(s.id) ?? 0))
      .filter((v) => query.hasFreeCapacity === undefined || v.freeCapacity > 0 === query.hasFreeCapacity)
      .filter(
        (v) =>
          query.vettingExpiresWithinDays === undefined ||
          vettingExpiresWithin(v.vettingValidUntil, today, query.vettingExpiresWithinDays),
      );
    return { items: views.slice(query.offset, query.offset + query.limit), total: views.length };
  }

  /** Records one vetting step; a newer extract replaces an older one (vetting results age and are renewed). */
  recordVettingStep(id: string, dto: RecordVettingStepDto): Promise<SupporterView> {
    return this.transactions.run(async (manager) => {
      const supporter = await this.find(manager, id);
      if (dto.date > swedishDate(this.clock.now())) {
        throw new BusinessRuleError(
          'vettingStepHasHappened',
          said(
            'Datumet ligger i framtiden: ett steg i lämplighetsbedömningen registreras när det är gjort.',
            'date lies in the future: a vetting step is recorded once taken',
          ),
          'date',
        );
      }
      await this.supporters.update(manager, id, { [VETTING_STEP_COLUMN[dto.step]]: dto.date });
      return this.viewOf(
        { ...supporter, [VETTING_STEP_COLUMN[dto.step]]: dto.date },
        await this.assignmentsOf(manager, id),
      );
    });
  }

  /** Where the supporter's letters go: sealed at rest, opened only by the letters. */
  setAddress(id: string, dto: SupporterAddressDto): Promise<SupporterView> {
    return this.transactions.run(async (manager) => {
      const supporter = await this.find(manager, id);
      const addressCiphertext = sealAddress(this.protector, dto.address);
      await this.supporters.update(manager, id, { addressCiphertext });
      return this.viewOf({ ...supporter, addressCiphertext }, await this.assignmentsOf(manager, id));
    });
  }

  /** Approval needs a complete, current vetting; a rejection needs a reason (checked by the DTO). */
  decide(id: string, dto: DecideSupporterDto, actor: Actor): Promise<SupporterView> {
    return this.transactions.run(async (manager) => {
      const supporter = await this.find(manager, id);
      if (dto.decision === 'approved') {
        const gaps = vettingGaps(supporter, swedishDate(this.clock.now()), this.config.supporterVettingValidMonths);
        if (gaps.length > 0) {
          throw new BusinessRuleError(
            'vettingComplete',
            said(
              `Umgängesstödjaren kan inte godkännas: ${gaps.map((g) => g.sv).join('; ')}.`,
              `the supporter cannot be approved: ${gaps.map((g) => g.en).join('; ')}`,
            ),
          );
        }
      }
      const decision = {
        status: dto.decision,
        decidedAt: this.clock.now(),
        decidedBy: actor.id,
        decisionReason: dto.reason ?? null,
      };
      await this.supporters.update(manager, id, decision);
      return this.viewOf({ ...supporter, ...decision }, await this.assignmentsOf(manager, id));
    });
  }

  setCapacity(id: string, capacity: number): Promise<SupporterView> {
    return this.transactions.run(async (manager) => {
      const supporter = await this.find(manager, id);
      await this.supporters.update(manager, id, { capacity });
      return this.viewOf({ ...supporter, capacity }, await this.assignmentsOf(manager, id));
    });
  }

  /**
   * Inside the appointing (or replacing) transaction: only an approved supporter with current
   * register extracts and a free place can be appointed. The answer names everything missing.
   * On PostgreSQL the supporter's row stays locked to the commit, so appointments of one supporter
   * to different cases take turns and each counts the assignments the one before committed (they
   * all counted the same free place and overfilled it).
   */
  async requireAppointable(manager: EntityManager, supporterId: string, now: Date): Promise<Supporter> {
    const supporter = await this.supporters.findForUpdate(manager, supporterId);
    if (!supporter) {
      throw new BusinessRuleError(
        'supporterExists',
        said('supporterId anger ingen registrerad umgängesstödjare.', 'supporterId names no registered supporter'),
        'supporterId',
      );
    }
    const gaps = appointmentGaps(supporter, swedishDate(now), this.config.supporterVettingValidMonths);
    if (gaps.length > 0) {
      throw new BusinessRuleError(
        'supporterAppointable',
        said(
          `Umgängesstödjaren kan inte utses: ${gaps.map((g) => g.sv).join('; ')}.`,
          `the supporter cannot be appointed: ${gaps.map((g) => g.en).join('; ')}`,
        ),
        'supporterId',
      );
    }
    const assignments = await this.assignmentsOf(manager, supporterId);
    if (assignments >= supporter.capacity) {
      throw new BusinessRuleError(
        'supporterCapacity',
        said(
          `Umgängesstödjaren har redan ${assignments} uppdrag och tar högst ${supporter.capacity} åt gången.`,
          `the supporter already has ${assignments} assignment(s), their capacity is ${supporter.capacity}`,
        ),
        'supporterId',
      );
    }
    return supporter;
  }

  private async create(dto: SupporterProfileDto, capacity: number): Promise<Supporter> {
    const supporter = Object.assign(new Supporter(), {
      id: randomUUID(),
      name: dto.name,
      phone: dto.phone,
      email: dto.email,
      addressCiphertext: sealAddress(this.protector, dto.address),
      status: 'interested' as const,
      languages: dto.languages ?? [],
      area: dto.area ?? null,
      availability: dto.availability ?? null,
      capacity,
      interviewHeldOn: null,
      referencesTakenOn: null,
      criminalRecordExtractOn: null,
      socialServicesExtractOn: null,
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
      createdAt: this.clock.now(),
    });
    await this.transactions.run((manager) => this.supporters.insert(manager, supporter));
    return supporter;
  }

  private async find(manager: EntityManager, id: string): Promise<Supporter> {
    const supporter = await this.supporters.find(manager, id);
    if (!supporter) throw new NotFoundError('supporter');
    return supporter;
  }

  private async assignmentsOf(manager: EntityManager, id: string): Promise<number> {
    return (await this.cases.activeAssignments(manager, id)).get(id) ?? 0;
  }

  private viewOf(supporter: Supporter, assignments: number): SupporterView {
    const validMonths = this.config.supporterVettingValidMonths;
    const gaps = appointmentGaps(supporter, swedishDate(this.clock.now()), validMonths);
    return supporterView(supporter, assignments, gaps, vettingValidUntil(supporter, validMonths));
  }
}
