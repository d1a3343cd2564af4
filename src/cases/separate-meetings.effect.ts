import { Injectable, type OnModuleInit } from '@nestjs/common';
import { said } from '../common/said.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { CaseEffects } from './case-effects.service.js';
import { CasesRepository } from './cases.repository.js';
import { separateMeetingsRequired } from './protected-parties.js';

/**
 * SEND_SUMMONS and BOOK_MEETING: where a parent's whereabouts are protected, no joint meeting is
 * planned. A summons to a joint meeting would tell the other parent where and when the protected parent will be.
 */
@Injectable()
export class SeparateMeetingsEffect implements OnModuleInit {
  constructor(
    private readonly effects: CaseEffects,
    private readonly rows: CasesRepository,
  ) {}

  onModuleInit(): void {
    this.effects.register({
      name: 'separateMeetings',
      check: async (manager, event, _context, _now, caseId) => {
        if (event.meetingAt === undefined) return;
        if (separateMeetingsRequired(await this.rows.parties(manager, caseId))) {
          throw new BusinessRuleError(
            'separateMeetings',
            said(
              'En förälder har skyddad folkbokföring eller en markerad risk: boka enskilda möten med var och en av föräldrarna i stället för ett gemensamt möte.',
              'a parent has skyddad folkbokföring or a marked risk: plan individual meetings instead of a joint one',
            ),
            'meetingAt',
          );
        }
      },
    });
  }
}
