import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseEffects } from '../cases/case-effects.service.js';
import { SupportersService } from './supporters.service.js';

/** APPOINT_SUPPORTER and REPLACE_SUPPORTER name a registered supporter who is vetted and has room for the assignment. */
@Injectable()
export class SupporterAppointableEffect implements OnModuleInit {
  constructor(
    private readonly effects: CaseEffects,
    private readonly supporters: SupportersService,
  ) {}

  onModuleInit(): void {
    this.effects.register({
      name: 'supporterAppointable',
      check: async (manager, event, _context, now) => {
        await this.supporters.requireAppointable(manager, event.supporterId, now);
      },
    });
  }
}
