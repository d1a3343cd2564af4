import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { DeadlineDispatcher } from './deadline-dispatcher.js';
import { DeadlineQueue } from './deadline-queue.js';
import { DeadlinesService } from './deadlines.service.js';
import { QueuedDeadlineDispatcher } from './queued-deadline-dispatcher.js';
import { Deadline } from './deadline.entity.js';

/** Deadline rows and their hand-over to the queue; the worker that acts on them is DeadlineWorkerModule. */
@Module({
  imports: [TypeOrmModule.forFeature([Deadline]), AlertsModule],
  providers: [DeadlinesService, DeadlineQueue, { provide: DeadlineDispatcher, useClass: QueuedDeadlineDispatcher }],
  exports: [DeadlinesService, DeadlineDispatcher, DeadlineQueue],
})
export class DeadlinesModule {}
