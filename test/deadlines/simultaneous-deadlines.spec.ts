import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Alert } from '../../src/alerts/alert.entity.js';
import { Deadline } from '../../src/deadlines/deadline.entity.js';
import { DEADLINE_JOB } from '../../src/deadlines/deadline-jobs.js';
import { DeadlineQueue } from '../../src/deadlines/deadline.queue.js';
import { DeadlineJob } from '../../src/deadlines/deadline.job.js';
import { RedisConnection } from '../../src/queue/redis-connection.js';
import { DATABASES } from '../support/test-app.js';
import { DeadlineRig } from './deadline-support.js';
import { eventually } from '../support/eventually.js';

const REMINDERS = 600;

/** Reminder rows as cases store them, all falling due at `dueAt`. */
function remindersDueAt(dueAt: Date, createdAt: Date): Deadline[] {
  return Array.from({ length: REMINDERS }, () =>
    Object.assign(new Deadline(), {
      id: randomUUID(),
      caseId: randomUUID(),
      kind: 'supporterNotAppointed' as const,
      dueAt,
      event: null,
      status: 'pending' as const,
      createdAt,
      settledAt: null,
    }),
  );
}

async function deadlineJobsLeft(worker: INestApplicationContext): Promise<number> {
  const jobs = await worker.get(DeadlineQueue).queue.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
  return jobs.filter((job) => job?.name === DEADLINE_JOB).length;
}

describe.each(DATABASES)('reminders falling due in the same instant (%s)', (database) => {
  let rig: DeadlineRig;
  afterEach(() => rig.dispose());

  it('raises each reminder its alert exactly once, acted on in batches by the workers', async () => {
    // Small batches, so that many transactions (and on PostgreSQL two processes) claim reminders side by side.
    rig = await DeadlineRig.create(database, { DEADLINE_BATCH: '40', DEADLINE_CONCURRENCY: '20' });
    // SQLite is one process's database; PostgreSQL is shared by several workers.
    const workers: INestApplicationContext[] = [];
    for (let i = 0; i < (database === 'postgres' ? 2 : 1); i++) workers.push(await rig.startWorker());
    const fired: string[] = [];
    let skipped = 0;
    for (const worker of workers) {
      worker.get(DeadlineJob).onOutcome((id, outcome) => {
        if (outcome === 'fired') fired.push(id);
        if (outcome === 'skipped') skipped++;
      });
    }

    const now = rig.clock.now();
    const rows = remindersDueAt(new Date(now.getTime() + 1500), now);
    const dataSource = rig.dataSource(workers[0]);
    for (let i = 0; i < rows.length; i += 200) await dataSource.getRepository(Deadline).insert(rows.slice(i, i + 200));
    await workers[0].get(RedisConnection).ping(5000);
    await workers[0].get(DeadlineQueue).schedule(rows);

    await eventually(
      async () => expect(await dataSource.getRepository(Deadline).countBy({ status: 'fired' })).toBe(REMINDERS),
      30_000,
    );
    // Every delivery has been made (the later ones finding their reminder fired): nothing can act again.
    await eventually(async () => expect(await deadlineJobsLeft(workers[0])).toBe(0), 30_000);

    expect(fired.length).toBe(REMINDERS);
    // Deliveries found their reminder already acted on by another's batch.
    expect(skipped).toBeGreaterThan(0);
    expect(new Set(fired)).toEqual(new Set(rows.map((row) => row.id)));
    const alerts = await dataSource.getRepository(Alert).findBy({ kind: 'supporterNotAppointed' });
    expect(alerts.map((alert) => alert.deadlineId).sort()).toEqual(rows.map((row) => row.id).sort());
  }, 60_000);
});
