import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChildInterview } from './child-interview.entity.js';
import { InterviewConsent } from './interview-consent.entity.js';

/** Child interviews and the guardians' consents to them, inside the caller's transaction. */
@Injectable()
export class InterviewsRepository {
  interviewsOfCase(manager: EntityManager, caseId: string): Promise<ChildInterview[]> {
    return manager.findBy(ChildInterview, { caseId });
  }

  interviewOf(manager: EntityManager, caseId: string, childPosition: number): Promise<ChildInterview | null> {
    return manager.findOneBy(ChildInterview, { caseId, childPosition });
  }

  /** Writes the child's interview, new or changed. */
  async saveInterview(manager: EntityManager, interview: ChildInterview): Promise<void> {
    await manager.save(ChildInterview, interview);
  }

  /** The case's consents in the order they were given (then recorded). */
  consentsOfCase(manager: EntityManager, caseId: string): Promise<InterviewConsent[]> {
    return manager.find(InterviewConsent, { where: { caseId }, order: { givenOn: 'ASC', recordedAt: 'ASC' } });
  }

  async insertConsent(manager: EntityManager, consent: InterviewConsent): Promise<void> {
    await manager.insert(InterviewConsent, consent);
  }

  async withdrawConsent(manager: EntityManager, consentId: string, withdrawnOn: string): Promise<void> {
    await manager.update(InterviewConsent, { id: consentId }, { withdrawnOn });
  }
}
