import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, QueryFailedError } from 'typeorm';
import { CaseHistoryEntry } from '../../src/cases/case-history-entry.entity.js';
import { CaseParty } from '../../src/cases/case-party.entity.js';
import { CaseRecord } from '../../src/cases/case-record.entity.js';
import { TableStatements, type SelectShape, type UpdateShape } from '../../src/database/table-statements.js';
import { TransactionRunner } from '../../src/database/transaction-runner.service.js';
import { Deadline } from '../../src/deadlines/deadline.entity.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return Object.assign(new CaseRecord(), {
    id: randomUUID(),
    machineVersion: 'contactSupport@2',
    state: 'received',
    subState: null,
    snapshot: { status: 'active', value: 'received', context: { nested: [1, 'två', { tre: null }] } },
    version: 1,
    court: 'Uppsala tingsrätt',
    courtCaseNumber: `T ${Math.floor(Math.random() * 1e6)}-26`,
    periodStart: '2026-11-16',
    periodEnd: '2027-11-15',
    supporterId: null,
    diaryNumber: 'SN 2026/1',
    responsibleSecretaryId: null,
    createdAt: new Date('2026-11-16T08:00:00.123Z'),
    updatedAt: new Date('2026-11-17T09:30:00.456Z'),
    ...overrides,
  });
}

function aDeadline(caseId: string, dueAt: string, kind = 'initiationReminder'): Deadline {
  return Object.assign(new Deadline(), {
    id: randomUUID(),
    caseId,
    kind,
    dueAt: new Date(dueAt),
    event: null,
    status: 'pending',
    createdAt: new Date('2026-11-16T08:00:00.000Z'),
    settledAt: null,
  });
}

describe.each(DATABASES)('the command path’s prepared statements (%s)', (database) => {
  let t: TestApp;
  let transactions: TransactionRunner;
  let cases: TableStatements<CaseRecord>;
  let deadlines: TableStatements<Deadline>;

  beforeAll(async () => {
    t = await startTestApp({ database, env: { RUN_WORKER: 'false' } });
    transactions = t.app.get(TransactionRunner);
    const dataSource = t.app.get(DataSource);
    cases = TableStatements.of(dataSource, CaseRecord);
    deadlines = TableStatements.of(dataSource, Deadline);
  });
  afterAll(() => t.close());

  it('reads back a row exactly as TypeORM’s find reads it: dates to the millisecond, JSON, nulls', async () => {
    const written = aCase();
    const [prepared, found] = await transactions.run(async (manager) => {
      await cases.insert(manager, [written]);
      return [
        await cases.select(manager, { where: ['id'] }, [written.id]),
        await manager.findOneBy(CaseRecord, { id: written.id }),
      ];
    });
    expect(prepared).toEqual([found]);
    expect(prepared[0]).toBeInstanceOf(CaseRecord);
    expect(prepared[0]).toEqual(written);
  });

  it('reads a row TypeORM wrote as TypeORM would', async () => {
    const written = aCase({ supporterId: randomUUID(), subState: 'waiting' });
    const [prepared] = await transactions.run(async (manager) => {
      await manager.insert(CaseRecord, written);
      return cases.select(manager, { where: ['id'] }, [written.id]);
    });
    expect(prepared).toEqual(written);
  });

  it('updates only the row at the version it was decided on, and says how many rows changed', async () => {
    const written = aCase();
    const change: UpdateShape<CaseRecord> = { set: ['state', 'version'], where: ['id', 'version'] };
    const [stale, current, after] = await transactions.run(async (manager) => {
      await cases.insert(manager, [written]);
      const stale = await cases.update(manager, change, ['initiated', 2], [written.id, 7]);
      const current = await cases.update(manager, change, ['initiated', 2], [written.id, 1]);
      return [stale, current, await manager.findOneByOrFail(CaseRecord, { id: written.id })];
    });
    expect({ stale, current }).toEqual({ stale: 0, current: 1 });
    expect({ state: after.state, version: after.version }).toEqual({ state: 'initiated', version: 2 });
  });

  it('writes the row that goes with an update only when the update changed a row, and reads it back as written', async () => {
    const written = aCase();
    const change: UpdateShape<CaseRecord> = { set: ['state', 'version'], where: ['id', 'version'] };
    const entry = (version: number) => ({
      caseId: written.id,
      version,
      type: 'INITIATE',
      payload: { diaryNumber: 'SN 2026/1', nested: { list: [1, 'två'] } },
      fromState: 'received',
      toState: 'initiated',
      at: new Date('2026-11-17T09:30:00.456Z'),
      actorId: 'anna',
      actorRole: 'secretary',
    });
    const [stale, current, history] = await transactions.run(async (manager) => {
      const entries = TableStatements.of(manager.connection, CaseHistoryEntry);
      await cases.insert(manager, [written]);
      const stale = await cases.updateThenInsert(manager, change, ['initiated', 2], [written.id, 7], entries, entry(7));
      const current = await cases.updateThenInsert(
        manager,
        change,
        ['initiated', 2],
        [written.id, 1],
        entries,
        entry(2),
      );
      return [stale, current, await manager.find(CaseHistoryEntry, { where: { caseId: written.id } })];
    });
    expect({ stale, current }).toEqual({ stale: 0, current: 1 });
    expect(history).toEqual([expect.objectContaining(entry(2))]);
  });

  it('reads rows with their children as reading each would: text, integers and nulls, and none for a row without', async () => {
    const [withParties, without] = [aCase(), aCase()];
    const party = (position: number, overrides: Partial<CaseParty> = {}) =>
      Object.assign(new CaseParty(), {
        id: randomUUID(),
        caseId: withParties.id,
        role: 'child',
        position,
        name: 'Kim Åström',
        personnummerCiphertext: 'v1:sealed',
        personnummerHash: 'ab'.repeat(32),
        addressCiphertext: null,
        protection: null,
        custody: 'joint',
        ...overrides,
      });
    const written = [
      party(0),
      party(1, { addressCiphertext: 'v1:address', protection: 'sekretessmarkering', custody: null }),
    ];
    const parties = TableStatements.of(t.app.get(DataSource), CaseParty);
    const [both, alone, found] = await transactions.run(async (manager) => {
      await cases.insert(manager, [withParties, without]);
      await parties.insert(manager, written);
      return [
        await cases.selectWithChildren(manager, { where: ['id'] }, [withParties.id], 'id', parties, 'caseId'),
        await cases.selectWithChildren(manager, { where: ['id'] }, [without.id], 'id', parties, 'caseId'),
        await manager.findBy(CaseParty, { caseId: withParties.id }),
      ];
    });
    expect(both).toHaveLength(1);
    expect(both[0][0]).toEqual(withParties);
    expect(both[0][1].every((p) => p instanceof CaseParty)).toBe(true);
    expect([...both[0][1]].sort((a, b) => a.position - b.position)).toEqual(
      [...found].sort((a, b) => a.position - b.position),
    );
    expect([...found].sort((a, b) => a.position - b.position)).toEqual(written);
    expect(alone).toEqual([[without, []]]);
  });

  it('refuses children whose columns JSON would not carry as the driver reads them (dates), on either database', async () => {
    await expect(
      transactions.run((manager) =>
        cases.selectWithChildren(manager, { where: ['id'] }, [randomUUID()], 'id', deadlines, 'caseId'),
      ),
    ).rejects.toThrow('deadlines: dueAt, createdAt, settledAt cannot be read back from JSON as the driver reads them');
  });

  it('lets one of two transactions claim a key, the other finding it taken once the first commits', async () => {
    const written = aCase();
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = transactions.run(async (manager) => {
      const claimed = await cases.insertIfAbsent(manager, [written]);
      inserted();
      // Held uncommitted until the second has asked: on PostgreSQL its claim waits for this commit.
      await released;
      return claimed;
    });
    await firstInserted;
    const second = transactions.run((manager) =>
      cases.insertIfAbsent(manager, [{ ...written, courtCaseNumber: 'T 1-26' }]),
    );
    release();
    expect(await Promise.all([first, second])).toEqual([1, 0]);
    expect(await t.app.get(DataSource).manager.findOneByOrFail(CaseRecord, { id: written.id })).toEqual(written);
  });

  it('selects by a list and a null column, in the order asked, and writes several rows in one statement', async () => {
    const caseId = randomUUID();
    const rows = [
      aDeadline(caseId, '2027-02-01T09:00:00.000Z'),
      aDeadline(caseId, '2026-12-01T09:00:00.000Z', 'periodEnd'),
      aDeadline(caseId, '2027-01-01T09:00:00.000Z'),
    ];
    const [cancelled, pending] = await transactions.run(async (manager) => {
      await deadlines.insert(manager, rows);
      const cancelled = await deadlines.update(
        manager,
        { set: ['status', 'settledAt'], where: [{ in: 'id' }, 'status'] },
        ['cancelled', new Date('2026-11-20T10:00:00.000Z')],
        [[rows[0].id, rows[2].id], 'pending'],
      );
      const pending = await deadlines.select(
        manager,
        { where: ['caseId', { isNull: 'settledAt' }], orderBy: [['dueAt', 'ASC']] },
        [caseId],
      );
      return [cancelled, pending];
    });
    expect(cancelled).toBe(2);
    expect(pending).toEqual([rows[1]]);
  });

  it('selects by at most a value and other than a value, as far as the limit', async () => {
    const caseId = randomUUID();
    const rows = [
      '2026-12-01T09:00:00.000Z',
      '2026-12-02T09:00:00.000Z',
      '2026-12-03T09:00:00.000Z',
      '2026-12-04T09:00:00.000Z',
    ].map((at) => aDeadline(caseId, at));
    const due = await transactions.run(async (manager) => {
      await deadlines.insert(manager, rows);
      const shape: SelectShape<Deadline> = {
        where: ['caseId', { atMost: 'dueAt' }, { not: 'id' }],
        orderBy: [['dueAt', 'ASC']],
        limit: 2,
      };
      return deadlines.select(manager, shape, [caseId, new Date('2026-12-03T09:00:00.000Z'), rows[0].id]);
    });
    expect(due).toEqual([rows[1], rows[2]]);
  });

  it('fails a statement the database refuses with TypeORM’s QueryFailedError, and the transaction writes nothing', async () => {
    const written = aCase();
    const twice = transactions.run(async (manager) => {
      await cases.insert(manager, [written]);
      await cases.insert(manager, [written]);
    });
    await expect(twice).rejects.toBeInstanceOf(QueryFailedError);
    const left = await transactions.run((manager) => cases.select(manager, { where: ['id'] }, [written.id]));
    expect(left).toEqual([]);
  });
});
