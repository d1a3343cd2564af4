import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseEffects } from '../cases/case-effects.service.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { consentComplete } from './consent-rules.js';
import { InterviewsRepository } from './interviews.repository.js';

/** HOLD_STARTUP_MEETING: the meeting's consent to a child interview is what the consent records say, never a separate yes/no. */
@Injectable()
export class MeetingConsentEffect implements OnModuleInit {
  constructor(
    private readonly effects: CaseEffects,
    private readonly cases: CasesRepository,
    private readonly interviews: InterviewsRepository,
  ) {}

  onModuleInit(): void {
    this.effects.register({
      name: 'meetingConsent',
      prepare: async (manager, event, caseId) => ({
        ...event,
        childInterviewConsent: await this.consentGiven(manager, caseId),
      }),
    });
  }

  /** Some child's interview has the consent of every guardian with custody of them. */
  private async consentGiven(manager: EntityManager, caseId: string): Promise<boolean> {
    const children = await this.cases.children(manager, caseId);
    const consents = await this.interviews.consentsOfCase(manager, caseId);
    return children.some((child) => consentComplete(child, consents));
  }
}
