import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { CaseEffectsModule } from '../cases/case-effects.module.js';
import { DeadlineDispatcher } from './deadline-dispatcher.js';
import { DeadlineEffects } from './deadlines.effect.js';
import { DeadlineQueue } from './deadline.queue.js';
import { DeadlinesRepository } from './deadlines.repository.js';
import { DeadlineGauges } from './deadline-gauges.service.js';
import { DeadlinesService } from './deadlines.service.js';
import { QueuedDeadlineDispatcher } from './queued-deadline-dispatcher.service.js';
import { Deadline } from './deadline.entity.js';

/** Deadline rows, what case changes do to them, and their hand-over to the queue; the worker that acts on them is DeadlineWorkerModule. */
@Module({
  imports: [TypeOrmModule.forFeature([Deadline]), AlertsModule, CaseEffectsModule],
  providers: [
    DeadlineEffects,
    DeadlinesService,
    DeadlinesRepository,
    DeadlineQueue,
    DeadlineGauges,
    { provide: DeadlineDispatcher, useClass: QueuedDeadlineDispatcher },
  ],
  exports: [DeadlinesService, DeadlinesRepository, DeadlineDispatcher, DeadlineQueue],
})
export class DeadlinesModule {}
