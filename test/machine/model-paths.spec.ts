import { beforeAll, describe, it, expect } from '@jest/globals';
import { getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import { decide, startCase, topState, type CaseSnapshot } from '../../machines/case-decisions.js';
import { CURRENT_MACHINE_VERSION, machineFor } from '../../machines/registry.js';
import { DEFAULT_REMINDER_DELAYS, wantedDeadlines } from '../../machines/deadline-rules.js';
import type { CaseEvent } from '../../machines/case-events.js';
import type { CaseInput } from '../../machines/case-context.js';

const machine = machineFor(CURRENT_MACHINE_VERSION);

const TOP_LEVEL_STATES = [
  'received',
  'initiated',
  'supporterAppointed',
  'startupMeeting',
  'activeVisits',
  'midpointFollowUp',
  'closing',
  'evaluated',
  'archived',
];

/** Visits explored per path: enough to see counting, few enough to keep the graph finite. */
const MAX_VISITS = 2;

function caseInput(evaluationRequested: boolean): CaseInput {
  return {
    judgment: {
      court: 'Göteborgs tingsrätt',
      courtCaseNumber: 'T 1234-26',
      judgmentDate: '2026-11-02',
      periodStart: '2026-11-16',
      periodEnd: '2027-11-15',
      periodEndSetByCourt: false,
      evaluationRequested,
    },
    registeredAt: '2026-11-10T09:00:00.000Z',
  };
}

/**
 * Representative events, every one stamped with `at`. Every event type the machine knows is listed:
 * the traversal would otherwise send a bare `{ type }` without `at`. Variants marked `shortestOnly`
 * are left out of the simple-path enumeration, which grows quickly with every extra variant.
 */
const EVENTS: Array<{ event: CaseEvent; shortestOnly?: true }> = [
  { event: { type: 'INITIATE', diaryNumber: 'SN 2026/417', at: '2026-11-11T08:00:00.000Z' } },
  {
    event: { type: 'APPOINT_SUPPORTER', supporterId: 'sup-7', decidedAt: '2026-11-12', at: '2026-11-12T10:00:00.000Z' },
  },
  { event: { type: 'SEND_SUMMONS', meetingAt: '2026-11-20T13:00:00.000Z', at: '2026-11-13T09:30:00.000Z' } },
  // A meeting where the enrollment form was not signed, one where the rules were not accepted, and a complete one.
  {
    event: {
      type: 'HOLD_STARTUP_MEETING',
      heldAt: '2026-11-20T13:00:00.000Z',
      enrollmentFormSigned: false,
      rulesAccepted: true,
      childInterviewConsent: false,
      at: '2026-11-20T15:00:00.000Z',
    },
  },
  {
    event: {
      type: 'HOLD_STARTUP_MEETING',
      heldAt: '2026-11-20T13:00:00.000Z',
      enrollmentFormSigned: true,
      rulesAccepted: false,
      childInterviewConsent: false,
      at: '2026-11-20T15:00:00.000Z',
    },
    shortestOnly: true,
  },
  {
    event: {
      type: 'HOLD_STARTUP_MEETING',
      heldAt: '2026-11-27T13:00:00.000Z',
      enrollmentFormSigned: true,
      rulesAccepted: true,
      childInterviewConsent: true,
      at: '2026-11-27T15:00:00.000Z',
    },
  },
  {
    event: { type: 'START_VISITS', documentCopiesSentAt: '2026-11-28T09:00:00.000Z', at: '2026-11-28T09:05:00.000Z' },
  },
  {
    event: {
      type: 'LOG_VISIT',
      occurredAt: '2026-12-05T14:00:00.000Z',
      durationMinutes: 120,
      outcome: 'completed',
      at: '2026-12-05T18:00:00.000Z',
    },
  },
  {
    event: {
      type: 'LOG_VISIT',
      occurredAt: '2026-12-12T14:00:00.000Z',
      durationMinutes: 20,
      outcome: 'stopped',
      stopReason: 'childUnwell',
      at: '2026-12-12T18:00:00.000Z',
    },
    shortestOnly: true,
  },
  // The first reports on the two visits above, where the visit awaits one (shortest paths only: the
  // simple paths would grow many times over).
  {
    event: { type: 'VISIT_REPORT_FILED', occurredAt: '2026-12-05T14:00:00.000Z', at: '2026-12-06T09:00:00.000Z' },
    shortestOnly: true,
  },
  {
    event: { type: 'VISIT_REPORT_FILED', occurredAt: '2026-12-12T15:00:00+01:00', at: '2026-12-13T09:00:00.000Z' },
    shortestOnly: true,
  },
  { event: { type: 'MIDPOINT_REACHED', at: '2027-05-17T11:00:00.000Z' } },
  { event: { type: 'HOLD_FOLLOW_UP', heldAt: '2027-05-24T10:00:00.000Z', at: '2027-05-24T12:00:00.000Z' } },
  { event: { type: 'PERIOD_ENDED', at: '2027-11-15T23:00:00.000Z' } },
  {
    event: {
      type: 'END_EARLY',
      reasonCategory: 'other',
      reason: 'the parents agree to go on without support',
      at: '2027-02-01T09:00:00.000Z',
    },
  },
  { event: { type: 'HOLD_CLOSING_MEETING', heldAt: '2027-11-22T10:00:00.000Z', at: '2027-11-22T11:00:00.000Z' } },
  { event: { type: 'SUBMIT_EVALUATION', sentToCourtAt: '2027-12-01T09:00:00.000Z', at: '2027-12-01T09:10:00.000Z' } },
  { event: { type: 'ARCHIVE', terminationDecidedAt: '2027-12-05', at: '2027-12-06T08:00:00.000Z' } },
];

/** Each snapshot's key in the graph, as xstate/graph makes it, kept: the simple-path search asks again at every step. */
const snapshotKeys = new WeakMap<CaseSnapshot, string>();
function snapshotKey(snapshot: CaseSnapshot): string {
  let key = snapshotKeys.get(snapshot);
  if (key === undefined) {
    key = JSON.stringify({ value: snapshot.value, context: snapshot.context });
    snapshotKeys.set(snapshot, key);
  }
  return key;
}

function traversalOptions(evaluationRequested: boolean, forSimplePaths: boolean) {
  return {
    input: caseInput(evaluationRequested),
    serializeState: snapshotKey,
    events: EVENTS.filter((e) => !(forSimplePaths && e.shortestOnly)).map((e) => e.event),
    filterEvents: (snapshot: CaseSnapshot, event: CaseEvent) =>
      (event.type !== 'LOG_VISIT' || snapshot.context.visitCount < visitsExploredIn(snapshot)) &&
      (event.type !== 'VISIT_REPORT_FILED' || awaits(snapshot, event.occurredAt)),
  };
}

/** A visit logged late, while closing, only on paths with none before: enough to see it, and the graph stays small. */
function visitsExploredIn(snapshot: CaseSnapshot): number {
  return topState(snapshot.value) === 'closing' ? 1 : MAX_VISITS;
}

function awaits(snapshot: CaseSnapshot, occurredAt: string): boolean {
  return (snapshot.context.visitsAwaitingReport ?? []).some(
    (instant) => Date.parse(instant) === Date.parse(occurredAt),
  );
}

type CasePath = StatePath<CaseSnapshot, CaseEvent>;

/** The events a path sends, without the graph's leading `xstate.init` step. */
function eventsOf(path: CasePath): CaseEvent[] {
  return path.steps.filter((step) => (step.event.type as string) !== 'xstate.init').map((step) => step.event);
}

/** Replays a path's events through decide(), from a fresh case, and returns every snapshot on the way. */
function replay(path: CasePath, evaluationRequested: boolean): CaseSnapshot[] {
  const snapshots = [startCase(machine, caseInput(evaluationRequested))];
  for (const event of eventsOf(path)) {
    const decision = decide(machine, snapshots[snapshots.length - 1], event);
    if (decision.outcome !== 'accepted') {
      throw new Error(`path step ${event.type} was refused: ${JSON.stringify(decision)}`);
    }
    snapshots.push(decision.snapshot);
  }
  return snapshots;
}

function describePath(path: CasePath): string {
  return (
    eventsOf(path)
      .map((e) => e.type)
      .join(' → ') || '(start)'
  );
}

interface Walk {
  path: CasePath;
  events: CaseEvent[];
  snapshots: CaseSnapshot[];
}

describe.each([false, true])('model paths (evaluation requested: %s)', (evaluationRequested) => {
  let simplePaths: CasePath[] = [];
  let shortestPaths: CasePath[] = [];
  let walks: Walk[] = [];

  beforeAll(() => {
    simplePaths = getSimplePaths(machine, traversalOptions(evaluationRequested, true));
    shortestPaths = getShortestPaths(machine, traversalOptions(evaluationRequested, false));
    walks = [...simplePaths, ...shortestPaths].map((path) => ({
      path,
      events: eventsOf(path),
      snapshots: replay(path, evaluationRequested),
    }));
  });

  it('finds paths to explore', () => {
    expect(simplePaths.length).toBeGreaterThan(50);
    expect(shortestPaths.length).toBeGreaterThan(50);
  });

  it('carries `at` on every event of every path', () => {
    const problems = walks.flatMap(({ path, events }) =>
      events
        .filter((e) => typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at)))
        .map((e) => `${describePath(path)}: ${e.type} has no valid at`),
    );
    expect(problems).toEqual([]);
  });

  it('accepts every step of every path through decide() and reaches the same snapshots as the graph', () => {
    const problems: string[] = [];
    for (const { path, snapshots } of walks) {
      // Each graph step holds the snapshot after its event (the first is the initial one); the path ends in the last.
      const graphSnapshots = [...path.steps.map((step) => step.state), path.state];
      const mine = [...snapshots, snapshots[snapshots.length - 1]];
      if (graphSnapshots.length !== mine.length) problems.push(`${describePath(path)}: length differs`);
      graphSnapshots.forEach((g, i) => {
        const same = JSON.stringify([g.value, g.context]) === JSON.stringify([mine[i]?.value, mine[i]?.context]);
        if (!same) problems.push(`${describePath(path)}: step ${i} differs`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('ends every path in a known top-level state', () => {
    for (const { path } of walks) {
      expect(TOP_LEVEL_STATES).toContain(topState(path.state.value));
    }
  });

  it('reaches every lifecycle state it should, archived included', () => {
    const reached = new Set(shortestPaths.map((p) => topState(p.state.value)));
    const expected = evaluationRequested ? TOP_LEVEL_STATES : TOP_LEVEL_STATES.filter((s) => s !== 'evaluated');
    expect([...reached].sort()).toEqual([...expected].sort());
    expect(simplePaths.some((p) => topState(p.state.value) === 'archived')).toBe(true);
  });

  it('archives a case only after a closing meeting, unless visits never started', () => {
    for (const { events, snapshots } of walks) {
      snapshots.forEach((s, i) => {
        if (topState(s.value) !== 'archived') return;
        if (s.context.visitsStartedAt === undefined) {
          expect(s.context.closing?.cause).toBeDefined();
        } else {
          expect(s.context.closing?.meetingHeldAt).toBeDefined();
          expect(events.slice(0, i).some((e) => e.type === 'HOLD_CLOSING_MEETING')).toBe(true);
        }
        expect(s.status).toBe('done');
        if (evaluationRequested) expect(s.context.evaluation).toBeDefined();
        else expect(s.context.evaluation).toBeUndefined();
      });
    }
  });

  it(
    evaluationRequested
      ? 'reaches evaluated only after the closing meeting, unless visits never started'
      : 'never reaches evaluated when the court asked for no evaluation',
    () => {
      let evaluatedSeen = false;
      for (const { snapshots } of walks) {
        for (const s of snapshots) {
          if (topState(s.value) !== 'evaluated') continue;
          evaluatedSeen = true;
          expect(evaluationRequested).toBe(true);
          if (s.context.visitsStartedAt !== undefined) expect(s.context.closing?.meetingHeldAt).toBeDefined();
        }
      }
      expect(evaluatedSeen).toBe(evaluationRequested);
    },
  );

  it('sets the midpoint at most once and never changes it afterwards', () => {
    for (const { events, snapshots } of walks) {
      expect(events.filter((e) => e.type === 'MIDPOINT_REACHED').length).toBeLessThanOrEqual(1);
      let seen: string | undefined;
      for (const s of snapshots) {
        if (seen !== undefined) expect(s.context.midpointReachedAt).toBe(seen);
        seen = s.context.midpointReachedAt ?? seen;
      }
    }
  });

  it('counts exactly the visits logged along the path', () => {
    for (const { path, events } of walks) {
      const logged = events.filter((e) => e.type === 'LOG_VISIT').length;
      expect({ path: describePath(path), visitCount: path.state.context.visitCount }).toEqual({
        path: describePath(path),
        visitCount: logged,
      });
    }
    expect(simplePaths.some((p) => p.state.context.visitCount === MAX_VISITS)).toBe(true);
  });

  it('awaits a report for exactly the held or stopped visits whose report was not filed along the path', () => {
    const problems: string[] = [];
    for (const { path, events } of walks) {
      const awaited: number[] = [];
      for (const e of events) {
        if (e.type === 'LOG_VISIT' && (e.outcome === 'completed' || e.outcome === 'stopped'))
          awaited.push(Date.parse(e.occurredAt));
        if (e.type === 'VISIT_REPORT_FILED') awaited.splice(awaited.indexOf(Date.parse(e.occurredAt)), 1);
      }
      const held = (path.state.context.visitsAwaitingReport ?? []).map((instant) => Date.parse(instant));
      if (JSON.stringify(held) !== JSON.stringify(awaited))
        problems.push(`${describePath(path)}: awaits ${JSON.stringify(held)}`);
    }
    expect(problems).toEqual([]);
    expect(walks.some(({ events }) => events.some((e) => e.type === 'VISIT_REPORT_FILED'))).toBe(true);
  });

  it('starts visits only after a complete start-up meeting', () => {
    for (const { snapshots } of walks) {
      for (const s of snapshots) {
        if (s.context.visitsStartedAt === undefined) continue;
        expect(s.context.startupMeeting).toMatchObject({ enrollmentFormSigned: true, rulesAccepted: true });
      }
    }
  });

  /** Every distinct snapshot reached on any path. */
  function reachedSnapshots(): CaseSnapshot[] {
    const distinct = new Map<string, CaseSnapshot>();
    for (const { snapshots } of walks) {
      for (const s of snapshots) distinct.set(JSON.stringify([s.value, s.context]), s);
    }
    return [...distinct.values()];
  }

  it('computes the wanted deadlines of every reached snapshot without failing, and none once archived', () => {
    const reached = reachedSnapshots();
    expect(reached.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const s of reached) {
      const state = topState(s.value);
      try {
        const wanted = wantedDeadlines(state, s.context, DEFAULT_REMINDER_DELAYS);
        if (state === 'archived' && wanted.length > 0) problems.push(`archived wants ${JSON.stringify(wanted)}`);
        for (const d of wanted) {
          if (Number.isNaN(Date.parse(d.dueAt))) problems.push(`${state}: ${d.kind} has due ${d.dueAt}`);
        }
      } catch (error) {
        problems.push(`${JSON.stringify(s.value)}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('accepts the event of every deadline the case wants when it falls due', () => {
    const problems: string[] = [];
    for (const s of reachedSnapshots()) {
      for (const deadline of wantedDeadlines(topState(s.value), s.context, DEFAULT_REMINDER_DELAYS)) {
        if (deadline.event === undefined) continue;
        const decision = decide(machine, s, { type: deadline.event, at: deadline.dueAt });
        if (decision.outcome !== 'accepted') {
          problems.push(`${JSON.stringify(s.value)}: ${deadline.event} ${decision.outcome}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves no open case without a pending deadline of some kind: only an archived case wants none', () => {
    const silent = reachedSnapshots()
      .filter((s) => topState(s.value) !== 'archived')
      .filter((s) => wantedDeadlines(topState(s.value), s.context, DEFAULT_REMINDER_DELAYS).length === 0)
      .map((s) => JSON.stringify(s.value));
    expect(silent).toEqual([]);
  });

  it('closes a case whose period ran out before visits started, from every state before visits, saying so', () => {
    const closedEarly = walks.flatMap(({ events, snapshots }) =>
      events.flatMap((e, i) =>
        e.type === 'PERIOD_ENDED' && snapshots[i].context.visitsStartedAt === undefined
          ? [[snapshots[i], snapshots[i + 1]]]
          : [],
      ),
    );
    const from = new Set(closedEarly.map(([before]) => topState(before.value)));
    expect([...from].sort()).toEqual(['initiated', 'received', 'startupMeeting', 'supporterAppointed']);
    for (const [, after] of closedEarly) {
      expect(topState(after.value)).toBe('closing');
      expect(after.context.closing?.cause).toBe('periodEndedBeforeVisits');
    }
  });

  it('logs a visit while closing only when visits had started', () => {
    for (const { events, snapshots } of walks) {
      events.forEach((e, i) => {
        if (e.type !== 'LOG_VISIT' || topState(snapshots[i].value) !== 'closing') return;
        expect(snapshots[i].context.visitsStartedAt).toBeDefined();
      });
    }
    expect(
      walks.some(({ events, snapshots }) =>
        events.some((e, i) => e.type === 'LOG_VISIT' && topState(snapshots[i].value) === 'closing'),
      ),
    ).toBe(true);
  });
});
