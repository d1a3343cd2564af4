import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseParty } from '../cases/case-party.entity.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, NotFoundError } from '../common/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { requireCase, requireWritableCase } from '../documents/case-file.js';
import { ChildInterview, type InterviewStatus } from './child-interview.entity.js';
import type { BookInterviewDto, DeclineInterviewDto, GiveConsentDto, HoldInterviewDto } from './dto/interview.dtos.js';

function interviewView(childIndex: number, name: string, interview: ChildInterview | undefined) {
  return {
    childIndex,
    name,
    status: interview?.status ?? 'noConsent',
    consent: interview?.consentGivenOn
      ? { givenOn: interview.consentGivenOn, atStartupMeeting: interview.consentGivenAtStartupMeeting }
      : null,
    bookedFor: interview?.bookedFor?.toISOString() ?? null,
    heldAt: interview?.heldAt?.toISOString() ?? null,
    notes: interview?.notes ?? null,
    declinedAt: interview?.declinedAt?.toISOString() ?? null,
    declineReason: interview?.declineReason ?? null,
  };
}

/** Which step may follow which: booking, and so holding, only for a child whose consent was given. */
const ALLOWED_FROM: Record<'book' | 'hold' | 'decline', (InterviewStatus | 'noConsent')[]> = {
  book: ['consented', 'booked'],
  hold: ['booked'],
  decline: ['noConsent', 'consented', 'booked'],
};
const REFUSAL: Record<keyof typeof ALLOWED_FROM, string> = {
  book: 'a child interview is booked only for a child whose consent was given, and not after it was held or declined',
  hold: 'a child interview is held after it was booked',
  decline: 'an interview already held cannot be declined',
};

@Injectable()
export class InterviewsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  list(caseId: string) {
    return this.transactions.run(async (manager) => {
      await requireCase(manager, caseId);
      const children = await this.children(manager, caseId);
      const interviews = await manager.findBy(ChildInterview, { caseId });
      const items = children.map((child) =>
        interviewView(child.position, child.name, interviews.find((i) => i.childPosition === child.position)),
      );
      return { items, total: items.length };
    });
  }

  giveConsent(caseId: string, childIndex: number, dto: GiveConsentDto, actor: Actor) {
    return this.change(caseId, childIndex, actor, (current) => {
      if (current) throw new BusinessRuleError('consentOnce', `consent for this child is already recorded (status: ${current.status})`);
      return { status: 'consented', consentGivenOn: dto.givenOn, consentGivenAtStartupMeeting: dto.atStartupMeeting };
    });
  }

  book(caseId: string, childIndex: number, dto: BookInterviewDto, actor: Actor) {
    return this.step(caseId, childIndex, actor, 'book', { status: 'booked', bookedFor: new Date(dto.bookedFor) });
  }

  hold(caseId: string, childIndex: number, dto: HoldInterviewDto, actor: Actor) {
    return this.step(caseId, childIndex, actor, 'hold', { status: 'held', heldAt: new Date(dto.heldAt), notes: dto.notes });
  }

  decline(caseId: string, childIndex: number, dto: DeclineInterviewDto, actor: Actor) {
    return this.step(caseId, childIndex, actor, 'decline', {
      status: 'declined',
      declinedAt: new Date(dto.declinedAt),
      declineReason: dto.reason,
    });
  }

  private step(caseId: string, childIndex: number, actor: Actor, step: keyof typeof ALLOWED_FROM, patch: Partial<ChildInterview>) {
    return this.change(caseId, childIndex, actor, (current) => {
      if (!ALLOWED_FROM[step].includes(current?.status ?? 'noConsent')) {
        throw new BusinessRuleError('childInterviewOrder', `${REFUSAL[step]} (status: ${current?.status ?? 'noConsent'})`);
      }
      return patch;
    });
  }

  private change(caseId: string, childIndex: number, actor: Actor, next: (current: ChildInterview | null) => Partial<ChildInterview>) {
    return this.transactions.run(async (manager) => {
      await requireWritableCase(manager, caseId);
      const child = (await this.children(manager, caseId)).find((c) => c.position === childIndex);
      if (!child) throw new NotFoundError('child');
      const current = await manager.findOneBy(ChildInterview, { caseId, childPosition: childIndex });
      const updated = Object.assign(
        current ?? Object.assign(new ChildInterview(), emptyInterview(caseId, childIndex)),
        next(current),
        { updatedAt: this.clock.now(), updatedBy: actor.id },
      );
      await manager.save(ChildInterview, updated);
      return interviewView(childIndex, child.name, updated);
    });
  }

  private children(manager: EntityManager, caseId: string): Promise<CaseParty[]> {
    return manager.find(CaseParty, { where: { caseId, role: 'child' }, order: { position: 'ASC' } });
  }
}

function emptyInterview(caseId: string, childPosition: number): Omit<ChildInterview, 'status' | 'updatedAt' | 'updatedBy'> {
  return {
    id: randomUUID(),
    caseId,
    childPosition,
    consentGivenOn: null,
    consentGivenAtStartupMeeting: null,
    bookedFor: null,
    heldAt: null,
    notes: null,
    declinedAt: null,
    declineReason: null,
  };
}
