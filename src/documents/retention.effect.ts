import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseEffects } from '../cases/case-effects.service.js';
import { CaseRetentionService } from './case-retention.service.js';

/** ARCHIVE: the case file's retention (gallring) clock starts. */
@Injectable()
export class RetentionEffect implements OnModuleInit {
  constructor(
    private readonly effects: CaseEffects,
    private readonly retention: CaseRetentionService,
  ) {}

  onModuleInit(): void {
    this.effects.register({
      name: 'retention',
      within: (manager, change) => this.retention.recordWithin(manager, change.record.id, change.now),
    });
  }
}
