import { describe, it, expect } from '@jest/globals';
import {
  allowedClientEvents,
  decide,
  persist,
  restore,
  startCase,
  subState,
  topState,
  type CaseSnapshot,
  type Decision,
} from '../../machines/case-decisions.js';
import { CURRENT_MACHINE_VERSION, machineFor, UnknownMachineVersionError } from '../../machines/registry.js';
import { CASE_MACHINE_VERSION, caseMachine } from '../../machines/case-machine.js';
import { GUARD_RULES } from '../../machines/guard-rules.js';
import {
  CLIENT_EVENT_TYPES,
  SYSTEM_EVENT_TYPES,
  type CaseEvent,
  type CaseEventType,
  type ClientEventType,
} from '../../machines/case-events.js';
import type { CaseInput } from '../../machines/case-context.js';

const machine = machineFor(CURRENT_MACHINE_VERSION);

const REGISTERED_AT = '2026-11-10T09:00:00.000Z';

function caseInput(evaluationRequested: boolean): CaseInput {
  return {
    judgment: {
      court: 'Göteborgs tingsrätt',
      courtCaseNumber: 'T 1234-26',
      judgmentDate: '2026-11-02',
      periodStart: '2026-11-16',
      periodEnd: '2027-11-15',
      periodEndSetByCourt: true,
      evaluationRequested,
    },
    registeredAt: REGISTERED_AT,
  };
}

/** One well-formed event of each type, each stamped with `at` as CaseEvent requires. */
const ev = {
  initiate: (): CaseEvent => ({ type: 'INITIATE', diaryNumber: 'SN 2026/417', at: '2026-11-11T08:00:00.000Z' }),
  appointSupporter: (): CaseEvent => ({
    type: 'APPOINT_SUPPORTER',
    supporterId: 'sup-7',
    decidedAt: '2026-11-12',
    at: '2026-11-12T10:00:00.000Z',
  }),
  replaceSupporter: (): CaseEvent => ({
    type: 'REPLACE_SUPPORTER',
    supporterId: 'sup-9',
    decidedAt: '2026-12-01',
    reason: 'The supporter moved away',
    at: '2026-12-01T10:00:00.000Z',
  }),
  sendSummons: (): CaseEvent => ({
    type: 'SEND_SUMMONS',
    meetingAt: '2026-11-20T13:00:00.000Z',
    at: '2026-11-13T09:30:00.000Z',
  }),
  bookMeeting: (kind: 'midpointFollowUp' | 'closing' = 'midpointFollowUp'): CaseEvent => ({
    type: 'BOOK_MEETING',
    kind,
    meetingAt: kind === 'closing' ? '2027-11-10T13:00:00.000Z' : '2027-05-18T13:00:00.000Z',
    place: 'Familjerätten, rum 2',
    sentOn: '2026-11-20',
    at: '2026-11-20T14:00:00.000Z',
  }),
  holdStartupMeeting: (
    over: Partial<{ enrollmentFormSigned: boolean; rulesAccepted: boolean; heldAt: string; at: string }> = {},
  ): CaseEvent => ({
    type: 'HOLD_STARTUP_MEETING',
    heldAt: '2026-11-20T13:00:00.000Z',
    enrollmentFormSigned: true,
    rulesAccepted: true,
    childInterviewConsent: false,
    at: '2026-11-20T15:00:00.000Z',
    ...over,
  }),
  startVisits: (): CaseEvent => ({
    type: 'START_VISITS',
    documentCopiesSentAt: '2026-11-21T09:00:00.000Z',
    at: '2026-11-21T09:05:00.000Z',
  }),
  logVisit: (at = '2026-12-01T16:00:00.000Z'): CaseEvent => ({
    type: 'LOG_VISIT',
    occurredAt: '2026-11-30T14:00:00.000Z',
    durationMinutes: 120,
    outcome: 'completed',
    at,
  }),
  midpointReached: (at = '2027-05-17T11:00:00.000Z'): CaseEvent => ({ type: 'MIDPOINT_REACHED', at }),
  visitReportFiled: (occurredAt = '2026-11-30T14:00:00.000Z', at = '2026-12-02T09:00:00.000Z'): CaseEvent => ({
    type: 'VISIT_REPORT_FILED',
    occurredAt,
    at,
  }),
  holdFollowUp: (): CaseEvent => ({
    type: 'HOLD_FOLLOW_UP',
    heldAt: '2027-05-24T10:00:00.000Z',
    notes: 'contact works; parents talk at handovers',
    at: '2027-05-24T12:00:00.000Z',
  }),
  periodEnded: (): CaseEvent => ({ type: 'PERIOD_ENDED', at: '2027-11-15T23:00:05.000Z' }),
  endEarly: (): CaseEvent => ({
    type: 'END_EARLY',
    reason: 'the court changed its order',
    at: '2027-02-01T09:00:00.000Z',
  }),
  holdClosingMeeting: (): CaseEvent => ({
    type: 'HOLD_CLOSING_MEETING',
    heldAt: '2027-11-22T10:00:00.000Z',
    at: '2027-11-22T11:00:00.000Z',
  }),
  submitEvaluation: (): CaseEvent => ({
    type: 'SUBMIT_EVALUATION',
    sentToCourtAt: '2027-12-01T09:00:00.000Z',
    at: '2027-12-01T09:10:00.000Z',
  }),
  archive: (): CaseEvent => ({ type: 'ARCHIVE', terminationDecidedAt: '2027-12-05', at: '2027-12-06T08:00:00.000Z' }),
  recordDiaryNumber: (): CaseEvent => ({
    type: 'RECORD_DIARY_NUMBER',
    diaryNumber: 'SN 2026/0100',
    at: '2026-11-17T09:00:00.000Z',
  }),
};

/** A representative event of every type the machine knows. */
const ANY_EVENT: Record<CaseEventType, () => CaseEvent> = {
  INITIATE: ev.initiate,
  RECORD_DIARY_NUMBER: ev.recordDiaryNumber,
  APPOINT_SUPPORTER: ev.appointSupporter,
  REPLACE_SUPPORTER: ev.replaceSupporter,
  SEND_SUMMONS: ev.sendSummons,
  BOOK_MEETING: () => ev.bookMeeting('closing'),
  HOLD_STARTUP_MEETING: () => ev.holdStartupMeeting(),
  START_VISITS: ev.startVisits,
  LOG_VISIT: () => ev.logVisit(),
  HOLD_FOLLOW_UP: ev.holdFollowUp,
  END_EARLY: ev.endEarly,
  HOLD_CLOSING_MEETING: ev.holdClosingMeeting,
  SUBMIT_EVALUATION: ev.submitEvaluation,
  ARCHIVE: ev.archive,
  MIDPOINT_REACHED: () => ev.midpointReached(),
  PERIOD_ENDED: ev.periodEnded,
  VISIT_REPORT_FILED: () => ev.visitReportFiled(),
};
const ALL_EVENT_TYPES: CaseEventType[] = [...CLIENT_EVENT_TYPES, ...SYSTEM_EVENT_TYPES];

function accept(snapshot: CaseSnapshot, event: CaseEvent): CaseSnapshot {
  const decision = decide(machine, snapshot, event);
  if (decision.outcome !== 'accepted') {
    throw new Error(`${event.type} was not accepted in ${JSON.stringify(snapshot.value)}: ${JSON.stringify(decision)}`);
  }
  return decision.snapshot;
}

function run(snapshot: CaseSnapshot, events: CaseEvent[]): CaseSnapshot {
  return events.reduce(accept, snapshot);
}

type Stage =
  | 'received'
  | 'initiated'
  | 'supporterAppointed'
  | 'summoned'
  | 'startupMeetingHeld'
  | 'activeVisits'
  | 'midpointFollowUp'
  | 'activeVisitsAfterMidpoint'
  | 'closing'
  | 'closingMeetingHeld'
  | 'evaluated'
  | 'archived';

const STAGE_EVENTS: Record<Stage, (evaluationRequested: boolean) => CaseEvent[]> = {
  received: () => [],
  initiated: () => [ev.initiate()],
  supporterAppointed: () => [ev.initiate(), ev.appointSupporter()],
  summoned: () => [ev.initiate(), ev.appointSupporter(), ev.sendSummons()],
  startupMeetingHeld: () => [...STAGE_EVENTS.summoned(false), ev.holdStartupMeeting()],
  activeVisits: () => [...STAGE_EVENTS.startupMeetingHeld(false), ev.startVisits()],
  midpointFollowUp: () => [...STAGE_EVENTS.activeVisits(false), ev.midpointReached()],
  activeVisitsAfterMidpoint: () => [...STAGE_EVENTS.midpointFollowUp(false), ev.holdFollowUp()],
  closing: () => [...STAGE_EVENTS.activeVisitsAfterMidpoint(false), ev.periodEnded()],
  closingMeetingHeld: () => [...STAGE_EVENTS.closing(false), ev.holdClosingMeeting()],
  evaluated: (evaluationRequested) => {
    if (!evaluationRequested) throw new Error('no evaluated stage without an evaluation request');
    return [...STAGE_EVENTS.closingMeetingHeld(true), ev.submitEvaluation()];
  },
  archived: (evaluationRequested) =>
    evaluationRequested
      ? [...STAGE_EVENTS.evaluated(true), ev.archive()]
      : [...STAGE_EVENTS.closingMeetingHeld(false), ev.archive()],
};

function caseAt(stage: Stage, evaluationRequested = false): CaseSnapshot {
  return run(startCase(machine, caseInput(evaluationRequested)), STAGE_EVENTS[stage](evaluationRequested));
}

function where(snapshot: CaseSnapshot): [string, string | null] {
  return [topState(snapshot.value), subState(snapshot.value)];
}

describe('machine registry', () => {
  it('serves the current case machine under its version', () => {
    expect(CURRENT_MACHINE_VERSION).toBe(CASE_MACHINE_VERSION);
    expect(CURRENT_MACHINE_VERSION).toBe('contactSupport@3');
    expect(machineFor(CURRENT_MACHINE_VERSION)).toBe(caseMachine);
  });

  it('refuses a machine version it does not know, naming the version', () => {
    expect(() => machineFor('unknown@9')).toThrow(UnknownMachineVersionError);
    try {
      machineFor('unknown@9');
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownMachineVersionError);
      expect((error as UnknownMachineVersionError).version).toBe('unknown@9');
      expect((error as Error).message).toContain('"unknown@9"');
    }
  });
});

describe('state names', () => {
  it('reads the top-level state and sub-state of flat and nested values', () => {
    expect(topState('received')).toBe('received');
    expect(subState('received')).toBeNull();
    expect(topState({ startupMeeting: 'held' })).toBe('startupMeeting');
    expect(subState({ startupMeeting: 'held' })).toBe('held');
    expect(topState({ closing: 'awaitingClosingMeeting' })).toBe('closing');
    expect(subState({ closing: 'awaitingClosingMeeting' })).toBe('awaitingClosingMeeting');
  });
});

describe('a newly registered judgment', () => {
  it('starts in received with the judgment and no visits', () => {
    const input = caseInput(true);
    const snapshot = startCase(machine, input);
    expect(where(snapshot)).toEqual(['received', null]);
    expect(snapshot.status).toBe('active');
    expect(snapshot.context).toEqual({ judgment: input.judgment, registeredAt: REGISTERED_AT, visitCount: 0 });
  });

  it('offers only initiation', () => {
    expect(allowedClientEvents(caseAt('received'))).toEqual(['INITIATE']);
  });
});

describe('the whole way from judgment to archive without an evaluation', () => {
  it('walks received → initiated → supporterAppointed → startupMeeting → activeVisits → midpointFollowUp → activeVisits → closing → archived', () => {
    let s = startCase(machine, caseInput(false));

    s = accept(s, ev.initiate());
    expect(where(s)).toEqual(['initiated', null]);
    expect(s.context.initiatedAt).toBe('2026-11-11T08:00:00.000Z');
    expect(s.context.diaryNumber).toBe('SN 2026/417');
    expect(allowedClientEvents(s)).toEqual(['APPOINT_SUPPORTER', 'END_EARLY']);

    s = accept(s, ev.appointSupporter());
    expect(where(s)).toEqual(['supporterAppointed', null]);
    expect(s.context.supporter).toEqual({
      supporterId: 'sup-7',
      decidedAt: '2026-11-12',
      appointedAt: '2026-11-12T10:00:00.000Z',
    });
    expect(allowedClientEvents(s)).toEqual(['REPLACE_SUPPORTER', 'SEND_SUMMONS', 'END_EARLY']);

    s = accept(s, ev.sendSummons());
    expect(where(s)).toEqual(['startupMeeting', 'summoned']);
    expect(s.context.startupMeeting).toEqual({
      meetingAt: '2026-11-20T13:00:00.000Z',
      summonsSentAt: '2026-11-13T09:30:00.000Z',
    });
    expect(allowedClientEvents(s)).toEqual(['REPLACE_SUPPORTER', 'HOLD_STARTUP_MEETING', 'BOOK_MEETING', 'END_EARLY']);

    s = accept(s, ev.holdStartupMeeting({ at: '2026-11-20T15:00:00.000Z' }));
    expect(where(s)).toEqual(['startupMeeting', 'held']);
    expect(s.context.startupMeeting).toEqual({
      meetingAt: '2026-11-20T13:00:00.000Z',
      summonsSentAt: '2026-11-13T09:30:00.000Z',
      heldAt: '2026-11-20T13:00:00.000Z',
      enrollmentFormSigned: true,
      rulesAccepted: true,
      childInterviewConsent: false,
    });
    expect(allowedClientEvents(s)).toEqual([
      'REPLACE_SUPPORTER',
      'HOLD_STARTUP_MEETING',
      'START_VISITS',
      'BOOK_MEETING',
      'END_EARLY',
    ]);

    s = accept(s, ev.startVisits());
    expect(where(s)).toEqual(['activeVisits', null]);
    expect(s.context.visitsStartedAt).toBe('2026-11-21T09:05:00.000Z');
    expect(s.context.documentCopiesSentAt).toBe('2026-11-21T09:00:00.000Z');
    expect(allowedClientEvents(s)).toEqual(['REPLACE_SUPPORTER', 'BOOK_MEETING', 'LOG_VISIT', 'END_EARLY']);

    s = accept(s, ev.logVisit());
    expect(s.context.visitCount).toBe(1);
    expect(s.context.visitsAwaitingReport).toEqual(['2026-11-30T14:00:00.000Z']);
    s = accept(s, ev.visitReportFiled());
    expect(where(s)).toEqual(['activeVisits', null]);
    expect(s.context.visitsAwaitingReport).toEqual([]);

    s = accept(s, ev.midpointReached());
    expect(where(s)).toEqual(['midpointFollowUp', null]);
    expect(s.context.midpointReachedAt).toBe('2027-05-17T11:00:00.000Z');
    expect(allowedClientEvents(s)).toEqual([
      'REPLACE_SUPPORTER',
      'BOOK_MEETING',
      'LOG_VISIT',
      'HOLD_FOLLOW_UP',
      'END_EARLY',
    ]);

    s = accept(s, ev.holdFollowUp());
    expect(where(s)).toEqual(['activeVisits', null]);
    expect(s.context.midpointFollowUp).toEqual({
      heldAt: '2027-05-24T10:00:00.000Z',
      notes: 'contact works; parents talk at handovers',
    });

    s = accept(s, ev.logVisit('2027-06-01T16:00:00.000Z'));
    expect(s.context.visitCount).toBe(2);

    s = accept(s, ev.periodEnded());
    expect(where(s)).toEqual(['closing', 'awaitingClosingMeeting']);
    expect(s.context.closing).toEqual({ startedAt: '2027-11-15T23:00:05.000Z', cause: 'periodEnded' });
    expect(allowedClientEvents(s)).toEqual(['BOOK_MEETING', 'LOG_VISIT', 'HOLD_CLOSING_MEETING']);

    s = accept(s, ev.holdClosingMeeting());
    expect(where(s)).toEqual(['closing', 'closingMeetingHeld']);
    expect(s.context.closing).toEqual({
      startedAt: '2027-11-15T23:00:05.000Z',
      cause: 'periodEnded',
      meetingHeldAt: '2027-11-22T10:00:00.000Z',
    });
    expect(allowedClientEvents(s)).toEqual(['LOG_VISIT', 'ARCHIVE']);

    s = accept(s, ev.archive());
    expect(where(s)).toEqual(['archived', null]);
    expect(s.status).toBe('done');
    expect(s.context.termination).toEqual({ decidedAt: '2027-12-05', archivedAt: '2027-12-06T08:00:00.000Z' });
    expect(s.context.evaluation).toBeUndefined();
    expect(s.context.visitCount).toBe(2);
    expect(allowedClientEvents(s)).toEqual([]);
  });
});

describe('the whole way with an evaluation for the court', () => {
  it('goes closing → evaluated → archived once the closing meeting is held', () => {
    let s = caseAt('closing', true);
    expect(allowedClientEvents(s)).toEqual(['BOOK_MEETING', 'LOG_VISIT', 'HOLD_CLOSING_MEETING']);

    s = accept(s, ev.holdClosingMeeting());
    expect(where(s)).toEqual(['closing', 'closingMeetingHeld']);
    expect(allowedClientEvents(s)).toEqual(['LOG_VISIT', 'SUBMIT_EVALUATION']);

    s = accept(s, ev.submitEvaluation());
    expect(where(s)).toEqual(['evaluated', null]);
    expect(s.context.evaluation).toEqual({ sentToCourtAt: '2027-12-01T09:00:00.000Z' });
    expect(allowedClientEvents(s)).toEqual(['ARCHIVE']);

    s = accept(s, ev.archive());
    expect(where(s)).toEqual(['archived', null]);
    expect(s.status).toBe('done');
    expect(s.context.termination).toEqual({ decidedAt: '2027-12-05', archivedAt: '2027-12-06T08:00:00.000Z' });
  });
});

describe('ending early', () => {
  const endable: Stage[] = [
    'initiated',
    'supporterAppointed',
    'summoned',
    'startupMeetingHeld',
    'activeVisits',
    'midpointFollowUp',
    'activeVisitsAfterMidpoint',
  ];

  it.each(endable)('moves to closing with the reason when the case ends early from %s', (stage) => {
    const before = caseAt(stage);
    const after = accept(before, ev.endEarly());
    expect(where(after)).toEqual(['closing', 'awaitingClosingMeeting']);
    expect(after.context.closing).toEqual({
      startedAt: '2027-02-01T09:00:00.000Z',
      cause: 'endedEarly',
      earlyEndReason: 'the court changed its order',
    });
    expect(allowedClientEvents(before)).toContain('END_EARLY');
  });

  it('archives a case ended early from initiated after its closing meeting', () => {
    const s = run(caseAt('initiated'), [ev.endEarly(), ev.holdClosingMeeting(), ev.archive()]);
    expect(where(s)).toEqual(['archived', null]);
    expect(s.context.closing?.cause).toBe('endedEarly');
    expect(s.context.supporter).toBeUndefined();
  });

  it('asks for the evaluation also when a case ended early and the court wants one', () => {
    const s = run(caseAt('activeVisits', true), [ev.endEarly(), ev.holdClosingMeeting()]);
    expect(decide(machine, s, ev.archive())).toEqual({
      outcome: 'ruleBroken',
      state: 'closing',
      rules: [GUARD_RULES.archivableOnceClosed],
    });
    expect(where(accept(s, ev.submitEvaluation()))).toEqual(['evaluated', null]);
  });

  it.each<[Stage, boolean]>([
    ['received', false],
    ['closing', false],
    ['closingMeetingHeld', false],
    ['evaluated', true],
    ['archived', false],
  ])('refuses to end early from %s', (stage, evaluationRequested) => {
    const s = caseAt(stage, evaluationRequested);
    const decision = decide(machine, s, ev.endEarly());
    expect(decision).toEqual({
      outcome: 'notAllowedInState',
      state: topState(s.value),
      allowedEvents: allowedClientEvents(s),
    });
    expect(allowedClientEvents(s)).not.toContain('END_EARLY');
  });
});

describe('the start-up meeting', () => {
  function expectStartRefused(s: CaseSnapshot) {
    expect(decide(machine, s, ev.startVisits())).toEqual({
      outcome: 'ruleBroken',
      state: 'startupMeeting',
      rules: [GUARD_RULES.startupMeetingsCompleted],
    });
    expect(allowedClientEvents(s)).not.toContain('START_VISITS');
  }

  it('refuses to start visits before the start-up meeting is held', () => {
    expectStartRefused(caseAt('summoned'));
  });

  it('refuses to start visits before the enrollment form is signed', () => {
    const s = accept(caseAt('summoned'), ev.holdStartupMeeting({ enrollmentFormSigned: false }));
    expect(where(s)).toEqual(['startupMeeting', 'held']);
    expectStartRefused(s);
  });

  it('refuses to start visits before the rules are accepted', () => {
    const s = accept(caseAt('summoned'), ev.holdStartupMeeting({ rulesAccepted: false }));
    expectStartRefused(s);
  });

  it('starts visits after a failed meeting is held again with the form signed and the rules accepted', () => {
    let s = accept(
      caseAt('summoned'),
      ev.holdStartupMeeting({ enrollmentFormSigned: false, rulesAccepted: false, heldAt: '2026-11-20T13:00:00.000Z' }),
    );
    expectStartRefused(s);
    expect(allowedClientEvents(s)).toContain('HOLD_STARTUP_MEETING');

    s = accept(s, ev.holdStartupMeeting({ heldAt: '2026-11-27T13:00:00.000Z', at: '2026-11-27T14:00:00.000Z' }));
    expect(where(s)).toEqual(['startupMeeting', 'held']);
    // The latest meeting counts; the summons is kept.
    expect(s.context.startupMeeting).toMatchObject({
      meetingAt: '2026-11-20T13:00:00.000Z',
      summonsSentAt: '2026-11-13T09:30:00.000Z',
      heldAt: '2026-11-27T13:00:00.000Z',
      enrollmentFormSigned: true,
      rulesAccepted: true,
    });

    s = accept(s, ev.startVisits());
    expect(where(s)).toEqual(['activeVisits', null]);
  });

  it('lets a successful meeting be overwritten by a later failed one, which then blocks the start', () => {
    const s = accept(caseAt('startupMeetingHeld'), ev.holdStartupMeeting({ rulesAccepted: false }));
    expectStartRefused(s);
  });
});

describe('replacing the supporter', () => {
  it.each<Stage>(['supporterAppointed', 'summoned', 'activeVisits', 'midpointFollowUp'])(
    'names the new supporter in %s and stays where the case stood',
    (stage) => {
      const before = caseAt(stage);
      const after = accept(before, ev.replaceSupporter());
      expect(after.value).toEqual(before.value);
      expect(after.context.supporter).toEqual({
        supporterId: 'sup-9',
        decidedAt: '2026-12-01',
        appointedAt: '2026-12-01T10:00:00.000Z',
      });
    },
  );
});

describe('visits and the midpoint follow-up', () => {
  it.each<Stage>(['activeVisits', 'midpointFollowUp', 'activeVisitsAfterMidpoint'])(
    'counts every logged visit in %s and keeps the last one',
    (stage) => {
      const before = caseAt(stage);
      const s1 = accept(before, ev.logVisit());
      const s2 = accept(s1, {
        type: 'LOG_VISIT',
        occurredAt: '2026-12-07T14:00:00.000Z',
        durationMinutes: 30,
        outcome: 'stopped',
        stopReason: 'visitingParentIntoxicated',
        at: '2026-12-07T18:00:00.000Z',
      });
      expect(topState(s2.value)).toBe(topState(before.value));
      expect(s1.context.visitCount).toBe(before.context.visitCount + 1);
      expect(s2.context.visitCount).toBe(before.context.visitCount + 2);
      expect(s2.context.lastVisit).toEqual({
        occurredAt: '2026-12-07T14:00:00.000Z',
        outcome: 'stopped',
        stopReason: 'visitingParentIntoxicated',
      });
      expect(s2.context.visitsAwaitingReport).toEqual([
        ...(before.context.visitsAwaitingReport ?? []),
        '2026-11-30T14:00:00.000Z',
        '2026-12-07T14:00:00.000Z',
      ]);
    },
  );

  it('moves to the midpoint follow-up when the midpoint comes', () => {
    const s = accept(caseAt('activeVisits'), ev.midpointReached());
    expect(where(s)).toEqual(['midpointFollowUp', null]);
    expect(s.context.midpointReachedAt).toBe('2027-05-17T11:00:00.000Z');
  });

  it('goes back to active visits when the follow-up meeting is held', () => {
    const s = accept(caseAt('midpointFollowUp'), ev.holdFollowUp());
    expect(where(s)).toEqual(['activeVisits', null]);
    expect(s.context.midpointReachedAt).toBe('2027-05-17T11:00:00.000Z');
  });

  it('refuses a second midpoint: the midpoint never comes twice', () => {
    const s = caseAt('activeVisitsAfterMidpoint');
    expect(decide(machine, s, ev.midpointReached('2027-06-01T00:00:00.000Z'))).toEqual({
      outcome: 'ruleBroken',
      state: 'activeVisits',
      rules: [GUARD_RULES.midpointNotYetReached],
    });
  });

  it('does not take the midpoint again while the follow-up is pending', () => {
    const decision = decide(machine, caseAt('midpointFollowUp'), ev.midpointReached('2027-06-01T00:00:00.000Z'));
    expect(decision.outcome).toBe('notAllowedInState');
  });

  it.each<Stage>(['activeVisits', 'midpointFollowUp', 'activeVisitsAfterMidpoint'])(
    'moves to closing when the period ends (from %s)',
    (stage) => {
      const s = accept(caseAt(stage), ev.periodEnded());
      expect(where(s)).toEqual(['closing', 'awaitingClosingMeeting']);
      expect(s.context.closing).toEqual({ startedAt: '2027-11-15T23:00:05.000Z', cause: 'periodEnded' });
    },
  );

  it('does not let a client send the system events', () => {
    for (const stage of ['activeVisits', 'midpointFollowUp'] as Stage[]) {
      const allowed = allowedClientEvents(caseAt(stage));
      expect(allowed).not.toContain('MIDPOINT_REACHED');
      expect(allowed).not.toContain('PERIOD_ENDED');
      expect(allowed).not.toContain('VISIT_REPORT_FILED');
    }
  });
});

describe('reports awaited after visits', () => {
  function logged(outcome: 'completed' | 'stopped' | 'cancelled' | 'noShow', occurredAt: string): CaseEvent {
    return {
      type: 'LOG_VISIT',
      occurredAt,
      durationMinutes: outcome === 'completed' ? 120 : 0,
      outcome,
      ...(outcome === 'stopped' ? { stopReason: 'childUnwell' as const } : {}),
      ...(outcome === 'cancelled' ? { cancelledBy: 'child' as const } : {}),
      at: '2026-12-10T18:00:00.000Z',
    };
  }

  it('awaits a report after a held or a stopped visit, as a UTC instant, and none after a cancelled visit or a no-show', () => {
    const s = run(caseAt('activeVisits'), [
      logged('completed', '2026-12-01T15:00:00+01:00'),
      logged('cancelled', '2026-12-03T15:00:00+01:00'),
      logged('noShow', '2026-12-05T15:00:00+01:00'),
      logged('stopped', '2026-12-07T15:00:00+01:00'),
    ]);
    expect(s.context.visitCount).toBe(4);
    expect(s.context.visitsAwaitingReport).toEqual(['2026-12-01T14:00:00.000Z', '2026-12-07T14:00:00.000Z']);
  });

  it('adds no list to a case whose visits need no report', () => {
    const s = run(caseAt('activeVisits'), [
      logged('cancelled', '2026-12-03T15:00:00+01:00'),
      logged('noShow', '2026-12-05T15:00:00+01:00'),
    ]);
    expect(s.context.visitsAwaitingReport).toBeUndefined();
  });

  it('stops awaiting the visit whose report was filed, named in any notation of the same instant, staying where the case stood', () => {
    const before = run(caseAt('midpointFollowUp'), [
      logged('completed', '2027-05-20T15:00:00.000Z'),
      logged('stopped', '2027-05-22T15:00:00.000Z'),
    ]);
    const after = accept(before, ev.visitReportFiled('2027-05-22T17:00:00+02:00'));
    expect(after.value).toEqual(before.value);
    expect(after.context.visitsAwaitingReport).toEqual(['2027-05-20T15:00:00.000Z']);
    expect(after.context.visitCount).toBe(before.context.visitCount);
  });

  it('awaits two reports for two visits at the same instant, and drops one per report', () => {
    let s = run(caseAt('activeVisits'), [
      logged('completed', '2026-12-01T14:00:00.000Z'),
      logged('completed', '2026-12-01T14:00:00.000Z'),
    ]);
    expect(s.context.visitsAwaitingReport).toEqual(['2026-12-01T14:00:00.000Z', '2026-12-01T14:00:00.000Z']);
    s = accept(s, ev.visitReportFiled('2026-12-01T14:00:00.000Z'));
    expect(s.context.visitsAwaitingReport).toEqual(['2026-12-01T14:00:00.000Z']);
    s = accept(s, ev.visitReportFiled('2026-12-01T14:00:00.000Z'));
    expect(s.context.visitsAwaitingReport).toEqual([]);
  });

  it('changes nothing for a report on a visit it does not await', () => {
    const before = accept(caseAt('activeVisits'), logged('completed', '2026-12-01T14:00:00.000Z'));
    const after = accept(before, ev.visitReportFiled('2026-12-02T14:00:00.000Z'));
    expect(persist(after)).toEqual(persist(before));
    const none = caseAt('activeVisits');
    expect(persist(accept(none, ev.visitReportFiled()))).toEqual(persist(none));
  });

  it.each<[Stage, boolean, string | null]>([
    ['closing', false, 'awaitingClosingMeeting'],
    ['closingMeetingHeld', false, 'closingMeetingHeld'],
    ['closingMeetingHeld', true, 'closingMeetingHeld'],
    ['evaluated', true, null],
  ])(
    'takes a late report while the case is in %s (evaluation requested: %s), keeping its sub-state',
    (stage, evaluationRequested, sub) => {
      const events = STAGE_EVENTS[stage](evaluationRequested);
      const visitAt = events.findIndex((e) => e.type === 'START_VISITS') + 1;
      events.splice(visitAt, 0, logged('stopped', '2026-12-07T14:00:00.000Z'));
      const before = run(startCase(machine, caseInput(evaluationRequested)), events);
      expect(before.context.visitsAwaitingReport).toEqual(['2026-12-07T14:00:00.000Z']);
      const after = accept(before, ev.visitReportFiled('2026-12-07T14:00:00.000Z'));
      expect(where(after)).toEqual([topState(before.value), sub]);
      expect(after.context.visitsAwaitingReport).toEqual([]);
    },
  );

  it('reads a case stored before reports were awaited as awaiting none, and awaits the visits logged from then on', () => {
    const stored = persist(caseAt('activeVisits'));
    expect(stored.context.visitsAwaitingReport).toBeUndefined();
    const restored = restore(machine, JSON.parse(JSON.stringify(stored)));
    expect(persist(accept(restored, ev.visitReportFiled()))).toEqual(persist(restored));
    const s = accept(restored, logged('completed', '2026-12-01T14:00:00.000Z'));
    expect(s.context.visitsAwaitingReport).toEqual(['2026-12-01T14:00:00.000Z']);
  });
});

describe('closing, evaluation and archiving', () => {
  it('refuses the evaluation before the closing meeting', () => {
    expect(decide(machine, caseAt('closing', true), ev.submitEvaluation())).toEqual({
      outcome: 'ruleBroken',
      state: 'closing',
      rules: [GUARD_RULES.evaluationDueOnceClosed],
    });
  });

  it('refuses an evaluation the court did not ask for', () => {
    expect(decide(machine, caseAt('closingMeetingHeld', false), ev.submitEvaluation())).toEqual({
      outcome: 'ruleBroken',
      state: 'closing',
      rules: [GUARD_RULES.evaluationDueOnceClosed],
    });
  });

  it('refuses to archive before the closing meeting', () => {
    for (const evaluationRequested of [false, true]) {
      expect(decide(machine, caseAt('closing', evaluationRequested), ev.archive())).toEqual({
        outcome: 'ruleBroken',
        state: 'closing',
        rules: [GUARD_RULES.archivableOnceClosed],
      });
    }
  });

  it('refuses to archive from closing while the court awaits an evaluation', () => {
    expect(decide(machine, caseAt('closingMeetingHeld', true), ev.archive())).toEqual({
      outcome: 'ruleBroken',
      state: 'closing',
      rules: [GUARD_RULES.archivableOnceClosed],
    });
  });

  it('refuses a second closing meeting', () => {
    expect(decide(machine, caseAt('closingMeetingHeld'), ev.holdClosingMeeting())).toEqual({
      outcome: 'notAllowedInState',
      state: 'closing',
      allowedEvents: ['LOG_VISIT', 'ARCHIVE'],
    });
  });

  it('keeps the cause of closing when the closing meeting is held', () => {
    const s = run(caseAt('activeVisits'), [ev.endEarly(), ev.holdClosingMeeting()]);
    expect(s.context.closing).toEqual({
      startedAt: '2027-02-01T09:00:00.000Z',
      cause: 'endedEarly',
      earlyEndReason: 'the court changed its order',
      meetingHeldAt: '2027-11-22T10:00:00.000Z',
    });
  });
});

describe('booking the follow-up and closing meetings ahead (routine step 9)', () => {
  it('records each booking in the context, the latest of each kind counting', () => {
    const rebooked = { ...ev.bookMeeting(), meetingAt: '2027-05-19T09:00:00.000Z', place: undefined };
    const s = run(caseAt('startupMeetingHeld'), [ev.bookMeeting(), ev.bookMeeting('closing'), rebooked]);
    expect(where(s)).toEqual(['startupMeeting', 'held']);
    expect(s.context.meetings).toEqual({
      midpointFollowUp: {
        meetingAt: '2027-05-19T09:00:00.000Z',
        bookedAt: '2026-11-20T14:00:00.000Z',
        sentOn: '2026-11-20',
      },
      closing: {
        meetingAt: '2027-11-10T13:00:00.000Z',
        place: 'Familjerätten, rum 2',
        bookedAt: '2026-11-20T14:00:00.000Z',
        sentOn: '2026-11-20',
      },
    });
  });

  it('keeps each parent’s own meeting where the parents are met one at a time', () => {
    const s = accept(caseAt('activeVisits'), {
      type: 'BOOK_MEETING',
      kind: 'midpointFollowUp',
      individualMeetings: [
        { party: 'residentParent', meetingAt: '2027-05-18T09:00:00.000Z', place: 'Rådhuset' },
        { party: 'visitingParent', meetingAt: '2027-05-18T13:00:00.000Z' },
      ],
      at: '2027-04-01T10:00:00.000Z',
    });
    expect(s.context.meetings?.midpointFollowUp).toEqual({
      bookedAt: '2027-04-01T10:00:00.000Z',
      individual: {
        residentParent: { meetingAt: '2027-05-18T09:00:00.000Z', place: 'Rådhuset' },
        visitingParent: { meetingAt: '2027-05-18T13:00:00.000Z' },
      },
    });
  });

  it('refuses a follow-up booked once it was held, or once the case closes', () => {
    for (const stage of ['activeVisitsAfterMidpoint', 'closing'] as const) {
      expect(decide(machine, caseAt(stage), ev.bookMeeting())).toEqual({
        outcome: 'ruleBroken',
        state: topState(caseAt(stage).value),
        rules: [GUARD_RULES.meetingStillAhead],
      });
    }
  });
});

describe('an archived case', () => {
  it.each([false, true])('refuses every event (evaluation requested: %s)', (evaluationRequested) => {
    const s = caseAt('archived', evaluationRequested);
    expect(s.status).toBe('done');
    expect(allowedClientEvents(s)).toEqual([]);
    for (const type of ALL_EVENT_TYPES) {
      expect(decide(machine, s, ANY_EVENT[type]())).toEqual({
        outcome: 'notAllowedInState',
        state: 'archived',
        allowedEvents: [],
      });
    }
  });
});

/** What every event type does in every stage: accepted, refused by a rule, or not offered there. */
describe('every event in every stage', () => {
  type Expectation = { accepted: CaseEventType[]; ruleBroken?: Partial<Record<CaseEventType, string>> };
  const table: Array<[Stage, boolean, Expectation]> = [
    ['received', false, { accepted: ['INITIATE', 'PERIOD_ENDED'] }],
    ['initiated', false, { accepted: ['APPOINT_SUPPORTER', 'END_EARLY', 'PERIOD_ENDED'] }],
    ['supporterAppointed', false, { accepted: ['REPLACE_SUPPORTER', 'SEND_SUMMONS', 'END_EARLY', 'PERIOD_ENDED'] }],
    [
      'summoned',
      false,
      {
        accepted: ['REPLACE_SUPPORTER', 'HOLD_STARTUP_MEETING', 'BOOK_MEETING', 'END_EARLY', 'PERIOD_ENDED'],
        ruleBroken: { START_VISITS: GUARD_RULES.startupMeetingsCompleted },
      },
    ],
    [
      'startupMeetingHeld',
      false,
      {
        accepted: [
          'REPLACE_SUPPORTER',
          'HOLD_STARTUP_MEETING',
          'START_VISITS',
          'BOOK_MEETING',
          'END_EARLY',
          'PERIOD_ENDED',
        ],
      },
    ],
    [
      'activeVisits',
      false,
      {
        accepted: [
          'REPLACE_SUPPORTER',
          'BOOK_MEETING',
          'LOG_VISIT',
          'MIDPOINT_REACHED',
          'PERIOD_ENDED',
          'END_EARLY',
          'VISIT_REPORT_FILED',
        ],
      },
    ],
    [
      'midpointFollowUp',
      false,
      {
        accepted: [
          'REPLACE_SUPPORTER',
          'BOOK_MEETING',
          'LOG_VISIT',
          'HOLD_FOLLOW_UP',
          'PERIOD_ENDED',
          'END_EARLY',
          'VISIT_REPORT_FILED',
        ],
      },
    ],
    [
      'activeVisitsAfterMidpoint',
      false,
      {
        accepted: ['REPLACE_SUPPORTER', 'BOOK_MEETING', 'LOG_VISIT', 'PERIOD_ENDED', 'END_EARLY', 'VISIT_REPORT_FILED'],
        ruleBroken: { MIDPOINT_REACHED: GUARD_RULES.midpointNotYetReached },
      },
    ],
    ...[false, true].map((evaluationRequested): [Stage, boolean, Expectation] => [
      'closing',
      evaluationRequested,
      {
        accepted: ['BOOK_MEETING', 'HOLD_CLOSING_MEETING', 'LOG_VISIT', 'VISIT_REPORT_FILED'],
        ruleBroken: {
          SUBMIT_EVALUATION: GUARD_RULES.evaluationDueOnceClosed,
          ARCHIVE: GUARD_RULES.archivableOnceClosed,
          INITIATE: GUARD_RULES.notYetInitiated,
          RECORD_DIARY_NUMBER: GUARD_RULES.diaryNumberMissing,
        },
      },
    ]),
    [
      'closingMeetingHeld',
      false,
      {
        accepted: ['ARCHIVE', 'LOG_VISIT', 'VISIT_REPORT_FILED'],
        ruleBroken: {
          SUBMIT_EVALUATION: GUARD_RULES.evaluationDueOnceClosed,
          INITIATE: GUARD_RULES.notYetInitiated,
          RECORD_DIARY_NUMBER: GUARD_RULES.diaryNumberMissing,
          BOOK_MEETING: GUARD_RULES.meetingStillAhead,
        },
      },
    ],
    [
      'closingMeetingHeld',
      true,
      {
        accepted: ['SUBMIT_EVALUATION', 'LOG_VISIT', 'VISIT_REPORT_FILED'],
        ruleBroken: {
          ARCHIVE: GUARD_RULES.archivableOnceClosed,
          INITIATE: GUARD_RULES.notYetInitiated,
          RECORD_DIARY_NUMBER: GUARD_RULES.diaryNumberMissing,
          BOOK_MEETING: GUARD_RULES.meetingStillAhead,
        },
      },
    ],
    [
      'evaluated',
      true,
      {
        accepted: ['ARCHIVE', 'VISIT_REPORT_FILED'],
        ruleBroken: { RECORD_DIARY_NUMBER: GUARD_RULES.diaryNumberMissing },
      },
    ],
    ['archived', false, { accepted: [] }],
    ['archived', true, { accepted: [] }],
  ];

  it.each(table)(
    'in %s (evaluation requested: %s) accepts exactly the expected events',
    (stage, evaluationRequested, expected) => {
      const s = caseAt(stage, evaluationRequested);
      const frozen = JSON.stringify(persist(s));
      const clientAccepted = expected.accepted.filter((t): t is ClientEventType =>
        (CLIENT_EVENT_TYPES as readonly string[]).includes(t),
      );
      expect(allowedClientEvents(s)).toEqual(CLIENT_EVENT_TYPES.filter((t) => clientAccepted.includes(t)));

      for (const type of ALL_EVENT_TYPES) {
        const decision: Decision = decide(machine, s, ANY_EVENT[type]());
        const rule = expected.ruleBroken?.[type];
        if (expected.accepted.includes(type)) {
          expect({ type, outcome: decision.outcome }).toEqual({ type, outcome: 'accepted' });
        } else if (rule !== undefined) {
          expect({ type, decision }).toEqual({
            type,
            decision: { outcome: 'ruleBroken', state: topState(s.value), rules: [rule] },
          });
        } else {
          expect({ type, decision }).toEqual({
            type,
            decision: { outcome: 'notAllowedInState', state: topState(s.value), allowedEvents: allowedClientEvents(s) },
          });
        }
      }
      // Deciding never changes the snapshot it was asked about.
      expect(JSON.stringify(persist(s))).toBe(frozen);
    },
  );
});

describe('storing and restoring a case', () => {
  function roundTrip(s: CaseSnapshot): CaseSnapshot {
    return restore(machine, JSON.parse(JSON.stringify(persist(s))));
  }

  it('stores only the state value and the context', () => {
    const s = caseAt('startupMeetingHeld');
    expect(Object.keys(persist(s)).sort()).toEqual(['context', 'value']);
    expect(persist(s).value).toEqual({ startupMeeting: 'held' });
  });

  it.each<[Stage, boolean]>([
    ['received', false],
    ['summoned', false],
    ['startupMeetingHeld', false],
    ['activeVisits', false],
    ['midpointFollowUp', false],
    ['closing', true],
    ['closingMeetingHeld', true],
    ['evaluated', true],
    ['archived', false],
  ])('restores %s (evaluation requested: %s) to the same state, context and choices', (stage, evaluationRequested) => {
    const s = caseAt(stage, evaluationRequested);
    const restored = roundTrip(s);
    expect(restored.value).toEqual(s.value);
    expect(restored.context).toEqual(JSON.parse(JSON.stringify(s.context)));
    expect(restored.status).toBe(s.status);
    expect(allowedClientEvents(restored)).toEqual(allowedClientEvents(s));
  });

  it('continues a restored case to the archive with its counts and midpoint intact', () => {
    let s = run(caseAt('activeVisits'), [ev.logVisit(), ev.midpointReached(), ev.logVisit(), ev.holdFollowUp()]);
    s = roundTrip(s);
    expect(where(s)).toEqual(['activeVisits', null]);
    expect(s.context.visitCount).toBe(2);

    expect(decide(machine, s, ev.midpointReached('2027-06-01T00:00:00.000Z'))).toMatchObject({
      outcome: 'ruleBroken',
      rules: [GUARD_RULES.midpointNotYetReached],
    });
    s = accept(s, ev.logVisit());
    expect(s.context.visitCount).toBe(3);

    s = roundTrip(accept(s, ev.periodEnded()));
    expect(where(s)).toEqual(['closing', 'awaitingClosingMeeting']);
    s = roundTrip(accept(s, ev.holdClosingMeeting()));
    expect(where(s)).toEqual(['closing', 'closingMeetingHeld']);
    s = roundTrip(accept(s, ev.archive()));
    expect(where(s)).toEqual(['archived', null]);
    expect(s.status).toBe('done');
    expect(s.context.visitCount).toBe(3);
  });

  it('keeps a held but incomplete start-up meeting blocking visits after a restore', () => {
    const s = roundTrip(accept(caseAt('summoned'), ev.holdStartupMeeting({ enrollmentFormSigned: false })));
    expect(where(s)).toEqual(['startupMeeting', 'held']);
    expect(decide(machine, s, ev.startVisits()).outcome).toBe('ruleBroken');
    expect(where(accept(roundTrip(accept(s, ev.holdStartupMeeting())), ev.startVisits()))).toEqual([
      'activeVisits',
      null,
    ]);
  });

  it('keeps the evaluation requirement after a restore', () => {
    const s = roundTrip(caseAt('closingMeetingHeld', true));
    expect(decide(machine, s, ev.archive()).outcome).toBe('ruleBroken');
    expect(where(accept(accept(s, ev.submitEvaluation()), ev.archive()))).toEqual(['archived', null]);
  });
});
