import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

/** A committed change of a case, with no personal data: what watchers (the inspector) are told. */
export interface CaseTransition {
  caseId: string;
  eventType: string;
  fromState: string | null;
  toState: string;
  subState: string | null;
  version: number;
  at: string;
}

/** Tells this process's watchers about every committed change, after the commit. */
@Injectable()
export class CaseTransitions {
  private readonly subject = new Subject<CaseTransition>();

  publish(transition: CaseTransition): void {
    this.subject.next(transition);
  }

  get stream(): Observable<CaseTransition> {
    return this.subject.asObservable();
  }
}
