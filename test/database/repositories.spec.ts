import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { Alert } from '../../src/alerts/alert.entity.js';
import { AlertsRepository } from '../../src/alerts/alerts.repository.js';
import type { CaseChange } from '../../src/cases/case-effects.service.js';
import { CaseHistoryEntry } from '../../src/cases/case-history-entry.entity.js';
import { CaseParty } from '../../src/cases/case-party.entity.js';
import { CaseRecord } from '../../src/cases/case-record.entity.js';
import { CasesRepository } from '../../src/cases/cases.repository.js';
import { TransactionRunner } from '../../src/database/transaction-runner.service.js';
import { Deadline } from '../../src/deadlines/deadline.entity.js';
import { DeadlinesRepository } from '../../src/deadlines/deadlines.repository.js';
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

function aParty(caseId: string, position: number, overrides: Partial<CaseParty> = {}): CaseParty {
  return Object.assign(new CaseParty(), {
    id: randomUUID(),
    caseId,
    role: 'child',
    position,
    name: 'Kim Åström',
    personnummerCiphertext: 'v1:sealed',
    personnummerHash: 'ab'.repeat(32),
    addressCiphertext: null,
    protection: null,
    meetingRisk: false,
    custody: 'joint',
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

/** A change as the command path hands it to the repository: the case as it is after, with its event. */
function aChange(record: CaseRecord, fromState: string | null, type = 'INITIATE'): CaseChange {
  return {
    event: { type, at: '2026-11-17T09:30:00.456Z', diaryNumber: 'SN 2026/1', nested: { list: [1, 'två'] } },
    record,
    fromState,
    snapshot: {},
    actor: { id: 'anna', role: 'secretary' },
    now: record.updatedAt,
    rows: {},
  } as unknown as CaseChange;
}

const byPosition = (a: CaseParty, b: CaseParty) => a.position - b.position;

describe.each(DATABASES)('the repositories’ statements (%s)', (database) => {
  let t: TestApp;
  let transactions: TransactionRunner;
  let cases: CasesRepository;
  let deadlines: DeadlinesRepository;
  let alerts: AlertsRepository;

  beforeAll(async () => {
    t = await startTestApp({ database, env: { RUN_WORKER: 'false' } });
    transactions = t.app.get(TransactionRunner);
    cases = t.app.get(CasesRepository);
    deadlines = t.app.get(DeadlinesRepository);
    alerts = t.app.get(AlertsRepository);
  });
  afterAll(() => t.close());

  it('reads back a case with its parties exactly as TypeORM’s find reads them: dates to the millisecond, JSON, integers, nulls', async () => {
    const written = aCase();
    const parties = [
      aParty(written.id, 0),
      aParty(written.id, 1, { addressCiphertext: 'v1:address', protection: 'sekretessmarkering', custody: null }),
    ];
    const [loaded, withParties, found, foundParties] = await transactions.run(async (manager) => {
      await cases.insert(manager, aChange(written, null, 'REGISTER'), parties);
      return [
        await cases.load(manager, written.id),
        await cases.loadWithParties(manager, written.id),
        await manager.findOneBy(CaseRecord, { id: written.id }),
        await manager.findBy(CaseParty, { caseId: written.id }),
      ] as const;
    });
    expect(loaded).toBeInstanceOf(CaseRecord);
    expect(loaded).toEqual(found);
    expect(loaded).toEqual(written);
    expect(withParties!.record).toEqual(written);
    expect(withParties!.parties.every((p) => p instanceof CaseParty)).toBe(true);
    expect([...withParties!.parties].sort(byPosition)).toEqual([...foundParties].sort(byPosition));
    expect([...foundParties].sort(byPosition)).toEqual(parties);
  });

  it('reads a case without parties as one with none, and an unknown case as none', async () => {
    const written = aCase();
    const [alone, unknown] = await transactions.run(async (manager) => {
      await cases.insert(manager, aChange(written, null, 'REGISTER'), []);
      return [await cases.loadWithParties(manager, written.id), await cases.loadWithParties(manager, randomUUID())];
    });
    expect(alone).toEqual({ record: written, parties: [] });
    expect(unknown).toBeNull();
  });

  it('writes a change only over the version it was decided on, with its history entry, and nothing when it lost the race', async () => {
    const written = aCase();
    const next = Object.assign(new CaseRecord(), written, { state: 'initiated', version: 2 });
    const [stale, current, after, history] = await transactions.run(async (manager) => {
      await cases.insert(manager, aChange(written, null, 'REGISTER'), []);
      const stale = await cases.replace(manager, aChange(next, 'received'), 7);
      const current = await cases.replace(manager, aChange(next, 'received'), 1);
      return [
        stale,
        current,
        await manager.findOneByOrFail(CaseRecord, { id: written.id }),
        await manager.find(CaseHistoryEntry, { where: { caseId: written.id }, order: { version: 'ASC' } }),
      ] as const;
    });
    expect({ stale, current }).toEqual({ stale: false, current: true });
    expect(after).toEqual(next);
    expect(history.map((entry) => [entry.version, entry.type, entry.fromState, entry.toState])).toEqual([
      [1, 'REGISTER', null, 'received'],
      [2, 'INITIATE', 'received', 'initiated'],
    ]);
    expect(history[1]).toEqual(
      expect.objectContaining({
        payload: { diaryNumber: 'SN 2026/1', nested: { list: [1, 'två'] } },
        at: new Date('2026-11-17T09:30:00.456Z'),
        actorId: 'anna',
        actorRole: 'secretary',
      }),
    );
  });

  it('finds the open cases of one court case, oldest first, and not the archived ones nor another number’s', async () => {
    const number = `T ${randomUUID().slice(0, 8)}-26`;
    const older = aCase({ courtCaseNumber: number, createdAt: new Date('2026-11-01T08:00:00.000Z') });
    const newer = aCase({ courtCaseNumber: number, createdAt: new Date('2026-11-02T08:00:00.000Z') });
    const archived = aCase({ courtCaseNumber: number, state: 'archived' });
    const other = aCase({ courtCaseNumber: `${number}1` });
    const open = await transactions.run(async (manager) => {
      for (const record of [newer, archived, other, older])
        await cases.insert(manager, aChange(record, null, 'REGISTER'), []);
      return cases.openFor(manager, 'Uppsala tingsrätt', number);
    });
    expect(open).toEqual([older.id, newer.id]);
  });

  it('writes many deadlines in one statement and reads them back as TypeORM does, soonest first', async () => {
    const caseId = randomUUID();
    const rows = [
      aDeadline(caseId, '2027-02-01T09:00:00.000Z'),
      aDeadline(caseId, '2026-12-01T09:00:00.001Z', 'periodEnd'),
      aDeadline(caseId, '2027-01-01T09:00:00.000Z'),
    ];
    const [read, found] = await transactions.run(async (manager) => {
      await deadlines.insert(manager, rows);
      return [
        await deadlines.ofCase(manager, caseId),
        await manager.find(Deadline, { where: { caseId }, order: { dueAt: 'ASC' } }),
      ] as const;
    });
    expect(read).toEqual(found);
    expect(read).toEqual([rows[1], rows[2], rows[0]]);
  });

  it('cancels the pending ones of a list of deadlines and leaves the settled ones', async () => {
    const caseId = randomUUID();
    const rows = [aDeadline(caseId, '2027-02-01T09:00:00.000Z'), aDeadline(caseId, '2027-03-01T09:00:00.000Z')];
    const fired = Object.assign(aDeadline(caseId, '2026-12-01T09:00:00.000Z'), { status: 'fired' });
    const now = new Date('2026-11-20T10:00:00.000Z');
    const [pending, all] = await transactions.run(async (manager) => {
      await deadlines.insert(manager, [...rows, fired]);
      await deadlines.cancelPending(manager, [rows[0].id, fired.id], now);
      return [await deadlines.pendingOfCase(manager, caseId), await deadlines.ofCase(manager, caseId)] as const;
    });
    expect(pending).toEqual([rows[1]]);
    expect(all.map((row) => [row.id, row.status, row.settledAt])).toEqual([
      [fired.id, 'fired', null],
      [rows[0].id, 'cancelled', now],
      [rows[1].id, 'pending', null],
    ]);
  });

  it('resolves the unresolved alerts of a list of deadlines, of the kinds named', async () => {
    const caseId = randomUUID();
    const [first, second] = [randomUUID(), randomUUID()];
    const alert = (deadlineId: string, kind: Alert['kind']) =>
      Object.assign(new Alert(), {
        id: randomUUID(),
        caseId,
        kind,
        deadlineId,
        detail: null,
        raisedAt: new Date('2026-11-18T08:00:00.000Z'),
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: null,
      });
    const written = [
      alert(first, 'deadlineFailed'),
      alert(first, 'supporterNotAppointed'),
      alert(second, 'deadlineFailed'),
    ];
    const now = new Date('2026-11-20T10:00:00.000Z');
    const after = await transactions.run(async (manager) => {
      await alerts.insert(manager, written);
      await alerts.resolve(manager, [first, second], now, ['deadlineFailed']);
      await alerts.resolve(manager, [first], new Date('2026-11-21T10:00:00.000Z'));
      return manager.find(Alert, { where: { caseId } });
    });
    const resolvedAt = (id: string) => after.find((a) => a.id === id)!.resolvedAt;
    expect(written.map((a) => resolvedAt(a.id))).toEqual([now, new Date('2026-11-21T10:00:00.000Z'), now]);
  });

  it('fails a statement the database refuses with TypeORM’s QueryFailedError, and the transaction writes nothing', async () => {
    const written = aCase();
    const twice = transactions.run(async (manager) => {
      await cases.insert(manager, aChange(written, null, 'REGISTER'), []);
      await cases.insert(manager, aChange(written, null, 'REGISTER'), []);
    });
    await expect(twice).rejects.toBeInstanceOf(QueryFailedError);
    expect(await transactions.run((manager) => cases.load(manager, written.id))).toBeNull();
  });
});
