import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DeadlineActions } from './deadline-actions.service.js';
import { DeadlineReconciler } from './deadline-reconciler.service.js';
import { DeadlineJob } from './deadline.job.js';
import { DeadlinesModule } from './deadlines.module.js';

/**
 * The side that acts on due deadlines, through CaseCommands: imported by the service (`npm start`)
 * and by the worker-only entry (`npm run worker`). Apart from DeadlinesModule, which the case's
 * view and the metrics import for the rows alone.
 */
@Module({
  imports: [CasesModule, DeadlinesModule, AlertsModule],
  providers: [DeadlineActions, DeadlineReconciler, DeadlineJob],
})
export class DeadlineWorkerModule {}
