import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../../src/database/transaction-runner.service.js';
import { Deadline } from '../../src/deadlines/deadline.entity.js';
import { DeadlinesRepository } from '../../src/deadlines/deadlines.repository.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

function aDeadline(caseId: string, dueAt = '2026-12-01T09:00:00.000Z'): Deadline {
  return Object.assign(new Deadline(), {
    id: randomUUID(),
    caseId,
    kind: 'initiationReminder',
    dueAt: new Date(dueAt),
    event: null,
    status: 'pending',
    createdAt: new Date('2026-11-16T08:00:00.000Z'),
    settledAt: null,
  });
}

// On SQLite a unit of work runs alone, so nothing commits in the middle of a read and no row is ever held by another.
describe('transactions on PostgreSQL', () => {
  let t: TestApp;
  let transactions: TransactionRunner;
  let deadlines: DeadlinesRepository;

  beforeAll(async () => {
    t = await startTestApp({ database: 'postgres', env: { RUN_WORKER: 'false' } });
    transactions = t.app.get(TransactionRunner);
    deadlines = t.app.get(DeadlinesRepository);
  });
  afterAll(() => t.close());

  it('reads a case in one snapshot throughout: a change committed while it reads does not show in its later statements', async () => {
    const caseId = randomUUID();
    await transactions.run((manager) => deadlines.insert(manager, [aDeadline(caseId)]));
    const seen = await transactions.read(async (manager) => {
      const before = await deadlines.ofCase(manager, caseId);
      await transactions.run((other) => deadlines.insert(other, [aDeadline(caseId)]));
      const after = await deadlines.ofCase(manager, caseId);
      return [before.length, after.length];
    });
    expect(seen).toEqual([1, 1]);
    expect(await transactions.run((manager) => deadlines.ofCase(manager, caseId))).toHaveLength(2);
  });

  it('refuses a write inside a read, so a read can never change what it reads', async () => {
    const caseId = randomUUID();
    await expect(transactions.read((manager) => deadlines.insert(manager, [aDeadline(caseId)]))).rejects.toBeInstanceOf(
      QueryFailedError,
    );
    expect(await transactions.run((manager) => deadlines.ofCase(manager, caseId))).toEqual([]);
  });

  it('claims due reminders passing over the rows another transaction holds, and holds those it claimed', async () => {
    const caseId = randomUUID();
    // Due long ago, so no other test's reminders come before them.
    const rows = ['1990-12-01T09:00:00.000Z', '1990-12-02T09:00:00.000Z', '1990-12-03T09:00:00.000Z'].map((at) =>
      aDeadline(caseId, at),
    );
    await transactions.run((manager) => deadlines.insert(manager, rows));
    const now = new Date('1990-12-31T00:00:00.000Z');
    const claim = (manager: EntityManager) => deadlines.claimDueReminders(manager, randomUUID(), now, 2);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first: Deadline[] = [];
    let claimed!: () => void;
    const firstClaimed = new Promise<void>((resolve) => (claimed = resolve));
    const holder = transactions.run(async (manager) => {
      first = await claim(manager);
      claimed();
      await held;
    });
    await firstClaimed;
    const second = await transactions.run((manager) => claim(manager));
    release();
    await holder;
    expect(first).toEqual([rows[0], rows[1]]);
    expect(second).toEqual([rows[2]]);
  });
});
