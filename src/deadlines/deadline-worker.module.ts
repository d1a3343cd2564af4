import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DeadlineActions } from './deadline-actions.js';
import { DeadlineReconciler } from './deadline-reconciler.js';
import { DeadlineWorker } from './deadline-worker.js';
import { DeadlinesModule } from './deadlines.module.js';

/**
 * The side that acts on due deadlines. Apart from DeadlinesModule because it needs CaseCommands,
 * and CasesModule needs DeadlinesModule: imported by the service (`npm start`) and by the
 * worker-only entry (`npm run worker`).
 */
@Module({
  imports: [CasesModule, DeadlinesModule, AlertsModule],
  providers: [DeadlineActions, DeadlineReconciler, DeadlineWorker],
})
export class DeadlineWorkerModule {}
