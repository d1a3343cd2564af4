import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseParty } from '../cases/case-party.entity.js';
import { CasesRepository } from '../cases/cases.repository.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, NotFoundError } from '../common/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import type { CaseContext } from '../../machines/case-context.js';
import { checkWithinCaseLife, requireNotBeforeDay } from '../cases/case-date-rules.js';
import { requireCase, requireWritableCase } from '../cases/case-file.js';
import { ChildInterview, type InterviewStatus } from './child-interview.entity.js';
import { consentComplete, guardiansOf, standing } from './consent-rules.js';
import type {
  BookInterviewDto,
  DeclineInterviewDto,
  GiveConsentDto,
  HoldInterviewDto,
  WithdrawConsentDto,
} from './dto/interview.dtos.js';
import { InterviewConsent, type Guardian } from './interview-consent.entity.js';
import { said, type Said } from '../common/said.js';
import { InterviewsRepository } from './interviews.repository.js';

function consentView(consent: InterviewConsent) {
  return {
    guardian: consent.guardian,
    givenOn: consent.givenOn,
    atStartupMeeting: consent.atStartupMeeting,
    withdrawnOn: consent.withdrawnOn,
  };
}

function interviewView(child: CaseParty, interview: ChildInterview | null, consents: InterviewConsent[]) {
  const complete = consentComplete(child, consents);
  return {
    childIndex: child.position,
    name: child.name,
    status: interview?.status ?? (complete ? 'consented' : 'noConsent'),
    custody: child.custody,
    consent: {
      /** Every guardian with custody has consented and none has withdrawn. */
      complete,
      needed: guardiansOf(child.custody),
      records: consents.filter((c) => c.childPosition === child.position).map(consentView),
    },
    bookedFor: interview?.bookedFor?.toISOString() ?? null,
    heldAt: interview?.heldAt?.toISOString() ?? null,
    notes: interview?.notes ?? null,
    declinedAt: interview?.declinedAt?.toISOString() ?? null,
    declineReason: interview?.declineReason ?? null,
  };
}

/** What the interview's own record must be for each step. */
const ALLOWED_FROM: Record<'book' | 'hold' | 'decline', (InterviewStatus | null)[]> = {
  book: [null, 'consented', 'booked'],
  hold: ['booked'],
  decline: [null, 'consented', 'booked'],
};
const REFUSAL: Record<keyof typeof ALLOWED_FROM, Said> = {
  book: said(
    'Ett barnsamtal bokas innan det har hållits eller avböjts',
    'a child interview is booked before it was held or declined',
  ),
  hold: said('Ett barnsamtal hålls efter att det har bokats', 'a child interview is held after it was booked'),
  decline: said(
    'Ett barnsamtal som redan har hållits kan inte avböjas',
    'an interview already held cannot be declined',
  ),
};

const STATUS_WORDS: Record<InterviewStatus | 'notBooked', string> = {
  consented: 'samtycke finns',
  booked: 'bokat',
  held: 'hållet',
  declined: 'avböjt',
  notBooked: 'inte bokat',
};

const GUARDIAN_WORDS: Record<Guardian, string> = {
  residentParent: 'Boendeföräldern',
  visitingParent: 'Umgängesföräldern',
};

interface ChildFile {
  child: CaseParty;
  interview: ChildInterview | null;
  consents: InterviewConsent[];
  /** The case's machine context: the dates recorded in the file must fit it. */
  context: CaseContext;
}

/**
 * Child interviews, one per child. Consent is recorded per guardian with custody of the child,
 * dated, and can be withdrawn; an interview is booked and held only while every such guardian's
 * consent stands.
 */
@Injectable()
export class InterviewsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly interviews: InterviewsRepository,
    private readonly cases: CasesRepository,
  ) {}

  list(caseId: string) {
    return this.transactions.run(async (manager) => {
      await requireCase(manager, caseId);
      const children = await this.cases.children(manager, caseId);
      const interviews = await this.interviews.interviewsOfCase(manager, caseId);
      const consents = await this.consentsOf(manager, caseId);
      const items = children.map((child) =>
        interviewView(child, interviews.find((i) => i.childPosition === child.position) ?? null, consents),
      );
      return { items, total: items.length };
    });
  }

  giveConsent(caseId: string, childIndex: number, dto: GiveConsentDto, actor: Actor) {
    return this.withChild(caseId, childIndex, async (manager, { child, consents, context }) => {
      checkWithinCaseLife('givenOn', dto.givenOn, context, this.clock.now(), 'Samtycket');
      if (!guardiansOf(child.custody).includes(dto.guardian)) {
        throw new BusinessRuleError(
          'guardianHasCustody',
          said(
            `${GUARDIAN_WORDS[dto.guardian]} har inte vårdnaden om barnet: samtycket ska komma från en vårdnadshavare.`,
            `the ${dto.guardian} has no custody of this child: consent comes from a guardian with custody`,
          ),
          'guardian',
        );
      }
      if (standing(consents, child.position).some((c) => c.guardian === dto.guardian)) {
        throw new BusinessRuleError(
          'consentOnce',
          said(
            `${GUARDIAN_WORDS[dto.guardian]}s samtycke för barnet är redan registrerat.`,
            `the ${dto.guardian}'s consent for this child is already recorded`,
          ),
          'guardian',
        );
      }
      await this.interviews.insertConsent(
        manager,
        Object.assign(new InterviewConsent(), {
          id: randomUUID(),
          caseId,
          childPosition: child.position,
          guardian: dto.guardian,
          givenOn: dto.givenOn,
          atStartupMeeting: dto.atStartupMeeting,
          withdrawnOn: null,
          recordedAt: this.clock.now(),
          recordedBy: actor.id,
        }),
      );
    });
  }

  withdrawConsent(caseId: string, childIndex: number, dto: WithdrawConsentDto) {
    return this.withChild(caseId, childIndex, async (manager, { child, consents, context }) => {
      checkWithinCaseLife('withdrawnOn', dto.withdrawnOn, context, this.clock.now(), 'Återkallelsen');
      const consent = standing(consents, child.position).find((c) => c.guardian === dto.guardian);
      if (!consent)
        throw new BusinessRuleError(
          'consentStanding',
          said(
            `${GUARDIAN_WORDS[dto.guardian]} har inget gällande samtycke för barnet att återkalla.`,
            `the ${dto.guardian} has no consent standing for this child to withdraw`,
          ),
          'guardian',
        );
      if (dto.withdrawnOn < consent.givenOn) {
        throw new BusinessRuleError(
          'withdrawnAfterGiven',
          said(
            `Ett samtycke kan återkallas tidigast den dag det gavs (${consent.givenOn}).`,
            `consent is withdrawn on or after the day it was given (${consent.givenOn})`,
          ),
          'withdrawnOn',
        );
      }
      await this.interviews.withdrawConsent(manager, consent.id, dto.withdrawnOn);
    });
  }

  book(caseId: string, childIndex: number, dto: BookInterviewDto, actor: Actor) {
    return this.step(caseId, childIndex, actor, 'book', (file) => {
      this.requireConsent(file);
      requireNotBeforeDay(
        'bookedFor',
        dto.bookedFor,
        file.context.judgment.judgmentDate,
        'withinCaseLife',
        (day) => `Barnsamtalet kan inte bokas före domen (${day}).`,
      );
      return { status: 'booked', bookedFor: new Date(dto.bookedFor) };
    });
  }

  hold(caseId: string, childIndex: number, dto: HoldInterviewDto, actor: Actor) {
    return this.step(caseId, childIndex, actor, 'hold', (file) => {
      this.requireConsent(file);
      const heldAt = new Date(dto.heldAt);
      if (heldAt < file.interview!.bookedFor!) {
        throw new BusinessRuleError(
          'heldAfterBooking',
          said(
            `Barnsamtalet kan inte ha hållits före den bokade tiden (${file.interview!.bookedFor!.toISOString()}).`,
            `an interview is held at or after its booked time (${file.interview!.bookedFor!.toISOString()})`,
          ),
          'heldAt',
        );
      }
      if (heldAt > this.clock.now())
        throw new BusinessRuleError(
          'interviewHasHappened',
          said(
            'Ett barnsamtal registreras som hållet när det har ägt rum: tidpunkten ligger i framtiden.',
            'an interview is marked held after it took place: heldAt is in the future',
          ),
          'heldAt',
        );
      return { status: 'held', heldAt, notes: dto.notes };
    });
  }

  decline(caseId: string, childIndex: number, dto: DeclineInterviewDto, actor: Actor) {
    return this.step(caseId, childIndex, actor, 'decline', ({ context }) => {
      checkWithinCaseLife('declinedAt', dto.declinedAt, context, this.clock.now(), 'Dagen barnsamtalet avböjdes');
      return {
        status: 'declined',
        declinedAt: new Date(dto.declinedAt),
        declineReason: dto.reason,
      };
    });
  }

  private requireConsent({ child, consents }: ChildFile): void {
    if (!consentComplete(child, consents)) {
      const needed = guardiansOf(child.custody);
      throw new BusinessRuleError(
        'childInterviewConsent',
        said(
          `Ett barnsamtal kräver gällande samtycke från varje vårdnadshavare (${needed.map((g) => GUARDIAN_WORDS[g].toLocaleLowerCase('sv')).join(' och ')}).`,
          `a child interview needs the standing consent of every guardian with custody (${needed.join(' and ')})`,
        ),
      );
    }
  }

  private step(
    caseId: string,
    childIndex: number,
    actor: Actor,
    step: keyof typeof ALLOWED_FROM,
    next: (file: ChildFile) => Partial<ChildInterview>,
  ) {
    return this.withChild(caseId, childIndex, async (manager, file) => {
      const status = file.interview?.status ?? null;
      if (!ALLOWED_FROM[step].includes(status)) {
        throw new BusinessRuleError(
          'childInterviewOrder',
          said(
            `${REFUSAL[step].sv} (läge: ${STATUS_WORDS[status ?? 'notBooked']}).`,
            `${REFUSAL[step].en} (status: ${status ?? 'not booked'})`,
          ),
        );
      }
      const updated = Object.assign(
        file.interview ?? Object.assign(new ChildInterview(), emptyInterview(caseId, file.child.position)),
        next(file),
        {
          updatedAt: this.clock.now(),
          updatedBy: actor.id,
        },
      );
      await this.interviews.saveInterview(manager, updated);
    });
  }

  /** Loads the child's file, lets `change` write, and answers with the child's interview as it now stands. */
  private withChild(
    caseId: string,
    childIndex: number,
    change: (manager: EntityManager, file: ChildFile) => Promise<void>,
  ) {
    return this.transactions.run(async (manager) => {
      const record = await requireWritableCase(manager, caseId);
      const child = await this.cases.child(manager, caseId, childIndex);
      if (!child) throw new NotFoundError('child');
      const interview = await this.interviews.interviewOf(manager, caseId, childIndex);
      const context = record.snapshot.context;
      await change(manager, { child, interview, consents: await this.consentsOf(manager, caseId), context });
      const after = await this.interviews.interviewOf(manager, caseId, childIndex);
      return interviewView(child, after, await this.consentsOf(manager, caseId));
    });
  }

  private consentsOf(manager: EntityManager, caseId: string): Promise<InterviewConsent[]> {
    return this.interviews.consentsOfCase(manager, caseId);
  }
}

function emptyInterview(
  caseId: string,
  childPosition: number,
): Omit<ChildInterview, 'status' | 'updatedAt' | 'updatedBy'> {
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
