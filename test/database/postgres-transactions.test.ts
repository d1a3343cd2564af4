import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, QueryFailedError } from 'typeorm';
import { TableStatements, type SelectShape } from '../../src/database/table-statements.js';
import { TransactionRunner } from '../../src/database/transaction-runner.service.js';
import { Deadline } from '../../src/deadlines/deadline.entity.js';
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

const OF_CASE: SelectShape<Deadline> = { where: ['caseId'] };

// On SQLite a unit of work runs alone, so nothing commits in the middle of a read and no row is ever held by another.
describe('transactions on PostgreSQL', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let transactions: TransactionRunner;
  let deadlines: TableStatements<Deadline>;

  beforeAll(async () => {
    t = await startTestApp({ database: 'postgres', env: { RUN_WORKER: 'false' } });
    dataSource = t.app.get(DataSource);
    transactions = t.app.get(TransactionRunner);
    deadlines = TableStatements.of(dataSource, Deadline);
  });
  afterAll(() => t.close());

  it('reads a case in one snapshot throughout: a change committed while it reads does not show in its later statements', async () => {
    const caseId = randomUUID();
    await transactions.run((manager) => deadlines.insert(manager, [aDeadline(caseId)]));
    const seen = await transactions.read(async (manager) => {
      const before = await deadlines.select(manager, OF_CASE, [caseId]);
      await transactions.run((other) => deadlines.insert(other, [aDeadline(caseId)]));
      const after = await deadlines.select(manager, OF_CASE, [caseId]);
      return [before.length, after.length];
    });
    expect(seen).toEqual([1, 1]);
    expect(await transactions.run((manager) => deadlines.select(manager, OF_CASE, [caseId]))).toHaveLength(2);
  });

  it('refuses a write inside a read, so a read can never change what it reads', async () => {
    const caseId = randomUUID();
    await expect(transactions.read((manager) => deadlines.insert(manager, [aDeadline(caseId)]))).rejects.toBeInstanceOf(
      QueryFailedError,
    );
    expect(await transactions.run((manager) => deadlines.select(manager, OF_CASE, [caseId]))).toEqual([]);
  });

  it('passes over the rows another transaction holds when asked to, and holds those it read', async () => {
    const caseId = randomUUID();
    const rows = ['2026-12-01T09:00:00.000Z', '2026-12-02T09:00:00.000Z', '2026-12-03T09:00:00.000Z'].map((at) =>
      aDeadline(caseId, at),
    );
    await transactions.run((manager) => deadlines.insert(manager, rows));
    const claim: SelectShape<Deadline> = { where: ['caseId'], orderBy: [['dueAt', 'ASC']], limit: 2, skipLocked: true };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first: Deadline[] = [];
    let claimed!: () => void;
    const firstClaimed = new Promise<void>((resolve) => (claimed = resolve));
    const holder = transactions.run(async (manager) => {
      first = await deadlines.select(manager, claim, [caseId]);
      claimed();
      await held;
    });
    await firstClaimed;
    const second = await transactions.run((manager) => deadlines.select(manager, claim, [caseId]));
    release();
    await holder;
    expect(first).toEqual([rows[0], rows[1]]);
    expect(second).toEqual([rows[2]]);
  });
});
