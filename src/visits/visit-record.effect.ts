import { Injectable, type OnModuleInit } from '@nestjs/common';
import { visitTimeProblem } from '../../machines/visit-rules.js';
import { CaseEffects } from '../cases/case-effects.service.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { VisitsService } from './visits.service.js';
import { said } from '../common/said.js';
import { visitTimeWords } from './visit-words.js';

/** LOG_VISIT: a visit that has taken place, within the period and after visits started, is filed beside the case. */
@Injectable()
export class VisitRecordEffect implements OnModuleInit {
  constructor(
    private readonly effects: CaseEffects,
    private readonly visits: VisitsService,
  ) {}

  onModuleInit(): void {
    this.effects.register({
      name: 'visitRecord',
      check: (_manager, event, context, now) => {
        if (Date.parse(event.occurredAt) > now.getTime()) {
          throw new BusinessRuleError(
            'visitHasHappened',
            said(
              'Ett umgängestillfälle registreras när det har ägt rum: tidpunkten ligger i framtiden.',
              'a visit is logged after it took place: occurredAt is in the future',
            ),
            'occurredAt',
          );
        }
        const problem = visitTimeProblem(context, event.occurredAt);
        if (problem) throw new BusinessRuleError(problem.rule, visitTimeWords(problem), 'occurredAt');
      },
      within: (manager, change) =>
        this.visits.recordWithin(manager, change.record, change.event, change.actor, change.now, change.idempotencyKey),
    });
  }
}
