import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { CaseTransitions, type CaseTransition } from '../../src/cases/case-transitions.service.js';
import { DeadlineDispatcher } from '../../src/deadlines/deadline-dispatcher.js';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

interface DeadlineRow {
  kind: string;
  dueAt: string;
  status: string;
}
interface Moment {
  kind: string;
  dueAt: string;
}

const STATES = [
  'received',
  'initiated',
  'supporterAppointed',
  'startupMeeting',
  'startupMeeting.held',
  'activeVisits',
] as const;

/** Each event as a secretary would send it; a supporter is filled in where one is named. */
const EVENTS: Record<string, (supporterId: string) => Record<string, unknown>> = {
  INITIATE: () => ({ type: 'INITIATE', diaryNumber: 'SN 2026/0099' }),
  APPOINT_SUPPORTER: (supporterId) => ({
    type: 'APPOINT_SUPPORTER',
    supporterId,
    decidedAt: '2026-11-17T10:00:00+01:00',
  }),
  SEND_SUMMONS: () => ({ type: 'SEND_SUMMONS', meetingAt: '2026-11-24T13:00:00+01:00', sentOn: '2026-11-18' }),
  HOLD_STARTUP_MEETING: () => ({
    type: 'HOLD_STARTUP_MEETING',
    heldAt: '2026-11-24T13:00:00+01:00',
    enrollmentFormSigned: true,
    rulesAccepted: false,
    childInterviewConsent: false,
  }),
  START_VISITS: () => ({ type: 'START_VISITS', documentCopiesSentAt: '2026-11-25T09:00:00+01:00' }),
  LOG_VISIT: () => ({
    type: 'LOG_VISIT',
    occurredAt: '2026-11-28T10:00:00+01:00',
    durationMinutes: 90,
    outcome: 'stopped',
    stopReason: 'childUnwell',
  }),
  END_EARLY: () => ({
    type: 'END_EARLY',
    reasonCategory: 'other',
    reason: 'the parents agree to go on without support',
  }),
};

const TABLE = STATES.flatMap((state) => Object.keys(EVENTS).map((event) => [event, state] as const));

/** The event's stamp is the clock's now: the dry run and the real send lie milliseconds apart. */
const SAME_INSTANT_MS = 5000;

function expectSameMoments(actual: Moment[], expected: Moment[]): void {
  const sorted = (list: Moment[]) =>
    [...list].sort((a, b) => a.kind.localeCompare(b.kind) || a.dueAt.localeCompare(b.dueAt));
  const a = sorted(actual);
  const e = sorted(expected);
  expect(a.map((m) => m.kind)).toEqual(e.map((m) => m.kind));
  a.forEach((m, i) => expect(Math.abs(Date.parse(m.dueAt) - Date.parse(e[i].dueAt))).toBeLessThan(SAME_INSTANT_MS));
}

/** The most assignments a supporter may take on. */
const MAX_CAPACITY = 20;

/**
 * Appointable supporters for many cases: each one vetted, approved and given the largest
 * capacity, a new one once it is full. Saves vetting a supporter for every case of the table.
 */
class SupporterPool {
  private current?: { id: string; used: number };

  constructor(private readonly t: TestApp) {}

  async next(): Promise<string> {
    if (!this.current || this.current.used === MAX_CAPACITY) {
      const id = await registerSupporter(this.t, 'Per Holm');
      await this.t.http.put(`/supporters/${id}/capacity`).send({ capacity: MAX_CAPACITY }).expect(200);
      this.current = { id, used: 0 };
    }
    this.current.used++;
    return this.current.id;
  }
}

/** A case moved to `state` through the API; a fresh one is in received. */
async function caseIn(t: TestApp, state: string, supporters: SupporterPool): Promise<string> {
  const caseId = await registerCase(t);
  if (state === 'received') return caseId;
  for (const event of stepsTo(state, await supporters.next())) await send(t, caseId, event);
  return caseId;
}

describe.each(DATABASES)('a dry run of an event (%s)', (database) => {
  let t: TestApp;
  let dataSource: DataSource;
  const published: CaseTransition[] = [];
  let dispatched: ReturnType<typeof jest.spyOn>;
  let supporters: SupporterPool;

  const rowCounts = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const { tableName } of dataSource.entityMetadatas) {
      const [{ n }] = await dataSource.query<{ n: string | number }[]>(`SELECT COUNT(*) AS n FROM ${tableName}`);
      counts[tableName] = Number(n);
    }
    return counts;
  };
  const auditOf = async (caseId: string) =>
    (await t.as('administrator').get(`/audit?caseId=${caseId}&limit=200`).expect(200)).body as {
      total: number;
      items: { action: string; resource: string; status: number }[];
    };
  const caseNow = async (caseId: string) =>
    (await t.http.get(`/cases/${caseId}`).expect(200)).body as {
      state: string;
      subState: string | null;
      version: number;
      deadlines: DeadlineRow[];
      allowedEvents: string[];
    };
  const pending = (rows: DeadlineRow[]) =>
    rows.filter((d) => d.status === 'pending').map(({ kind, dueAt }) => ({ kind, dueAt }));
  const missingFrom = (list: Moment[], other: Moment[]) =>
    list.filter((m) => !other.some((o) => o.kind === m.kind && o.dueAt === m.dueAt));

  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-12-01T09:00:00+01:00');
    dataSource = t.app.get(DataSource);
    supporters = new SupporterPool(t);
    t.app.get(CaseTransitions).stream.subscribe((transition) => published.push(transition));
    dispatched = jest.spyOn(t.app.get(DeadlineDispatcher), 'dispatch');
  });
  afterAll(async () => {
    dispatched.mockRestore();
    await t.close();
  });

  it.each(TABLE)('answers for %s in %s what the real send then does, and changes nothing', async (eventType, state) => {
    // A held start-up meeting (12 November in the steps) is reminded of 14 days on: before that, so
    // no reminder fires between the dry run and the real send.
    t.clock.setNow(state === 'startupMeeting.held' ? '2026-11-25T10:00:00+01:00' : '2026-12-01T09:00:00+01:00');
    const caseId = await caseIn(t, state, supporters);
    const event = EVENTS[eventType](await supporters.next());
    const before = await caseNow(caseId);
    const auditBefore = await auditOf(caseId);
    const rowsBefore = await rowCounts();
    const publishedBefore = published.length;
    const dispatchesBefore = dispatched.mock.calls.length;

    const dry = await t.http.post(`/cases/${caseId}/events?dryRun=true`).send(event);

    expect(await rowCounts()).toEqual({ ...rowsBefore, audit_trail: rowsBefore.audit_trail + 1 });
    const auditAfter = await auditOf(caseId);
    expect(auditAfter.total).toBe(auditBefore.total + 1);
    expect(auditAfter.items.at(-1)).toMatchObject({
      action: 'read',
      resource: 'POST /cases/:id/events',
      status: dry.status,
    });
    expect(await caseNow(caseId)).toEqual(before);
    expect(published.length).toBe(publishedBefore);
    expect(dispatched.mock.calls.length).toBe(dispatchesBefore);

    const real = await t.http.post(`/cases/${caseId}/events`).send(event);
    expect(dry.status).toBe(real.status);
    if (real.status !== 200) {
      expect(dry.body).toEqual(real.body);
      return;
    }
    const after = await caseNow(caseId);
    expect(dry.body).toMatchObject({
      dryRun: true,
      accepted: true,
      eventType,
      fromState: before.state,
      state: after.state,
      subState: after.subState,
    });
    expect(dry.body.allowedEvents).toEqual(after.allowedEvents);
    const { added, moved, cancelled } = dry.body.deadlines as {
      added: Moment[];
      moved: (Moment & { fromDueAt: string })[];
      cancelled: Moment[];
    };
    expectSameMoments([...added, ...moved], missingFrom(pending(after.deadlines), pending(before.deadlines)));
    expectSameMoments(
      [...cancelled, ...moved.map(({ kind, fromDueAt }) => ({ kind, dueAt: fromDueAt }))],
      missingFrom(pending(before.deadlines), pending(after.deadlines)),
    );
  });

  it('refuses a visit logged in the future with the same 422 as a real send, and names the alert a visit would resolve', async () => {
    const caseId = await caseIn(t, 'activeVisits', supporters);
    const future = {
      type: 'LOG_VISIT',
      occurredAt: '2027-01-10T10:00:00+01:00',
      durationMinutes: 60,
      outcome: 'completed',
    };
    const dry = await t.http.post(`/cases/${caseId}/events?dryRun=true`).send(future).expect(422);
    const real = await t.http.post(`/cases/${caseId}/events`).send(future).expect(422);
    expect(dry.body).toEqual(real.body);

    const stopped = {
      type: 'LOG_VISIT',
      occurredAt: '2026-11-28T10:00:00+01:00',
      durationMinutes: 60,
      outcome: 'stopped',
      stopReason: 'other',
    };
    const raised = await t.http.post(`/cases/${caseId}/events?dryRun=true`).send(stopped).expect(200);
    expect(raised.body.alerts).toEqual({ resolved: [], raised: [{ kind: 'visitStopped' }] });
    expect(raised.body.deadlines.added).toEqual([{ kind: 'visitReportMissing', dueAt: '2026-12-01T09:00:00.000Z' }]);
  });

  it('reports a moved deadline and the reminder alert an event resolves', async () => {
    const caseId = await caseIn(t, 'initiated', supporters);
    t.clock.setNow('2026-12-20T09:00:00+01:00');
    try {
      const reminder = (await caseNow(caseId)).deadlines.find((d) => d.kind === 'supporterNotAppointed');
      expect(reminder?.status).toBe('pending');
      const appoint = EVENTS.APPOINT_SUPPORTER(await supporters.next());
      const dry = await t.http.post(`/cases/${caseId}/events?dryRun=true`).send(appoint).expect(200);
      expect(dry.body).toMatchObject({
        state: 'supporterAppointed',
        deadlines: { cancelled: [{ kind: 'supporterNotAppointed', dueAt: reminder!.dueAt }] },
      });
      expect(dry.body.allowedEvents).toContain('SEND_SUMMONS');
    } finally {
      t.clock.setNow('2026-12-01T09:00:00+01:00');
    }
  });

  it('shows a supporter only the events a supporter may send next', async () => {
    const caseId = await caseIn(t, 'activeVisits', supporters);
    const supporterId = ((await caseNow(caseId)) as unknown as { progress: { supporter: { supporterId: string } } })
      .progress.supporter.supporterId;
    const visit = {
      type: 'LOG_VISIT',
      occurredAt: '2026-11-28T10:00:00+01:00',
      durationMinutes: 60,
      outcome: 'completed',
    };
    const dry = await t
      .as('supporter', { supporterId })
      .post(`/cases/${caseId}/events?dryRun=true`)
      .send(visit)
      .expect(200);
    expect(dry.body).toMatchObject({ state: 'activeVisits', allowedEvents: ['LOG_VISIT'] });
  });

  it('refuses a dryRun that is neither true nor false, naming the parameter', async () => {
    const caseId = await caseIn(t, 'received', supporters);
    const res = await t.http.post(`/cases/${caseId}/events?dryRun=maybe`).send(EVENTS.INITIATE('')).expect(400);
    expect(JSON.stringify(res.body)).toContain('dryRun ska vara true eller false.');
  });
});
