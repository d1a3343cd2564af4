import type { INestApplication } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { Readiness } from './readiness.js';

/**
 * What SIGTERM does to the service: readiness turns 503 at once, the process goes on serving for
 * `drainMs` (long enough for the load balancer's next check to take it out of rotation), then the
 * server closes, which waits for the requests in flight, and the application shuts down.
 */
export async function drainThenClose(app: INestApplication, drainMs: number): Promise<void> {
  app.get(Readiness).startDraining();
  if (drainMs > 0) await delay(drainMs);
  await app.close();
}
