import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { periodRanOutBeforeVisits, wantedDeadlines } from '../../machines/deadline-rules.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { CaseEffects } from '../cases/case-effects.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DeadlineDispatcher } from './deadline-dispatcher.js';
import type { Deadline } from './deadline.entity.js';
import { DeadlinesService } from './deadlines.service.js';

declare module '../cases/case-effects.service.js' {
  interface ChangeRows {
    /** The case's deadlines as the change left them. */
    deadlines?: Deadline[];
  }
}

/** What every change does to the case's deadlines, and the alert of a period that ran out before visits started. */
@Injectable()
export class DeadlineEffects implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly effects: CaseEffects,
    private readonly deadlines: DeadlinesService,
    private readonly dispatcher: DeadlineDispatcher,
    private readonly alerts: AlertsService,
  ) {}

  onModuleInit(): void {
    this.effects.register({
      name: 'deadlines',
      within: async (manager, change) => {
        const wanted = wantedDeadlines(change.record.state, change.snapshot.context, this.config.reminderDelays);
        const { added, rows } = await this.deadlines.alignWithin(manager, change.record.id, wanted, change.now);
        change.rows.deadlines = rows;
        return () => this.dispatcher.dispatch(added);
      },
    });
    // The alert is the case's, not the deadline's: the fired deadline leaves the wanted set in
    // this same transaction, which would resolve an alert tied to it.
    this.effects.register({
      name: 'periodEndedAlert',
      within: async (manager, change) => {
        if (periodRanOutBeforeVisits(change.snapshot.context)) {
          await this.alerts.raiseWithin(
            manager,
            [{ caseId: change.record.id, kind: 'periodEndedBeforeVisits' }],
            change.now,
          );
        }
      },
    });
  }
}
