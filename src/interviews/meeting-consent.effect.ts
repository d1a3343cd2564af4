import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseEffects } from '../cases/case-effects.service.js';
import { interviewConsentGiven } from './consent-rules.js';

/** HOLD_STARTUP_MEETING: the meeting's consent to a child interview is what the consent records say, never a separate yes/no. */
@Injectable()
export class MeetingConsentEffect implements OnModuleInit {
  constructor(private readonly effects: CaseEffects) {}

  onModuleInit(): void {
    this.effects.register({
      name: 'meetingConsent',
      prepare: async (manager, event, caseId) => ({
        ...event,
        childInterviewConsent: await interviewConsentGiven(manager, caseId),
      }),
    });
  }
}
