import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { RequestHandler } from 'express';
import type { Queue } from 'bullmq';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board over the deadline queue, read-only: the database holds the truth of every deadline,
 * so an operator looks at the queue here and changes deadlines through the cases, never the jobs.
 */
export function queueDashboard(queue: Queue): RequestHandler {
  const serverAdapter = new ExpressAdapter().setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(queue, { readOnlyMode: true })],
    serverAdapter,
    options: {
      uiConfig: { boardTitle: 'Deadlines' },
      // bull-board finds its UI with an eval'd require.resolve, which an ES module bundle cannot follow.
      uiBasePath: dirname(createRequire(import.meta.url).resolve('@bull-board/ui/package.json')),
    },
  });
  return serverAdapter.getRouter() as RequestHandler;
}
