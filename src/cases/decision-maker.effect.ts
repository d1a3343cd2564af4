import { Injectable, type OnModuleInit } from '@nestjs/common';
import { StaffDirectory } from '../organisation/staff-directory.service.js';
import { CaseEffects } from './case-effects.service.js';

/**
 * A decision says who made it and, where someone else presented the case, who did (förvaltningslagen
 * 31 §). Decisions are made under delegation by the secretary or a named manager: where the event
 * names no decision-maker, the acting secretary's staff profile (name and title) is recorded; a
 * presenter who is the decision-maker is no presenter.
 */
@Injectable()
export class DecisionMakerEffect implements OnModuleInit {
  constructor(
    private readonly effects: CaseEffects,
    private readonly staff: StaffDirectory,
  ) {}

  onModuleInit(): void {
    this.effects.register({
      name: 'decisionMaker',
      prepare: async (manager, event, _caseId, actor) => {
        const profile = event.decisionMaker ? null : await this.staff.profileOf(actor.id, manager);
        const decisionMaker =
          event.decisionMaker ?? (profile ? { name: profile.name, title: profile.title } : undefined);
        const { presenter, ...rest } = event;
        const samePerson = presenter?.name === decisionMaker?.name && presenter?.title === decisionMaker?.title;
        return {
          ...rest,
          ...(decisionMaker ? { decisionMaker } : {}),
          ...(presenter && !samePerson ? { presenter } : {}),
        };
      },
    });
  }
}
