import { Injectable, Logger } from '@nestjs/common';
import { DeadlineDispatcher } from './deadline-dispatcher.js';
import type { Deadline } from './deadline.entity.js';
import { DeadlineQueue } from './deadline.queue.js';

/**
 * Hands committed deadlines to BullMQ without making the request wait: a failure (Redis away)
 * is logged and left to the reconciler, which finds every pending row without a job.
 */
@Injectable()
export class QueuedDeadlineDispatcher extends DeadlineDispatcher {
  private readonly logger = new Logger('Deadlines');

  constructor(private readonly queue: DeadlineQueue) {
    super();
  }

  dispatch(deadlines: Deadline[]): void {
    if (deadlines.length === 0) return;
    this.queue.schedule(deadlines).catch((error: Error) => {
      this.logger.warn(
        `${deadlines.length} deadline(s) not handed to the queue yet (${error.message}); the reconciler will`,
      );
    });
  }
}
