import { describe, it, expect } from '@jest/globals';
import {
  addDays,
  CASE_TIME_ZONE,
  defaultPeriodEnd,
  exceedsCap,
  isCalendarDate,
  lastDayWithinCap,
  periodBounds,
} from '../../machines/period.js';
import {
  DEFAULT_REMINDER_DELAYS,
  REMINDER_KINDS,
  TRANSITION_DEADLINE_KINDS,
  wantedDeadlines,
  type ReminderDelays,
} from '../../machines/deadline-rules.js';
import type { CaseContext, Judgment } from '../../machines/case-context.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('the period in Swedish time', () => {
  it('works in Europe/Stockholm', () => {
    expect(CASE_TIME_ZONE).toBe('Europe/Stockholm');
  });

  it('starts at midnight Swedish time on the first day and ends at the start of the day after the last day (winter, UTC+1)', () => {
    expect(periodBounds('2026-11-16', '2027-11-15')).toEqual({
      startsAt: '2026-11-15T23:00:00.000Z',
      endsAt: '2027-11-15T23:00:00.000Z',
      midpointAt: '2027-05-17T11:00:00.000Z',
    });
  });

  it('ends at midnight Swedish summer time (UTC+2) when the last day is in summer', () => {
    const bounds = periodBounds('2027-03-01', '2027-06-30');
    expect(bounds.startsAt).toBe('2027-02-28T23:00:00.000Z');
    expect(bounds.endsAt).toBe('2027-06-30T22:00:00.000Z');
  });

  it('starts at midnight summer time when the first day is in summer', () => {
    expect(periodBounds('2027-07-01', '2028-06-30').startsAt).toBe('2027-06-30T22:00:00.000Z');
  });

  it('includes the whole last day, even a one-day period', () => {
    const bounds = periodBounds('2027-01-10', '2027-01-10');
    expect(Date.parse(bounds.endsAt) - Date.parse(bounds.startsAt)).toBe(DAY_MS);
  });

  it.each([
    ['2026-11-16', '2027-11-15'],
    ['2027-03-01', '2027-06-30'],
    ['2027-03-20', '2027-04-05'], // across the switch to summer time
    ['2027-10-20', '2027-11-05'], // across the switch to winter time
    ['2028-02-29', '2029-02-27'],
  ])('puts the midpoint half way between start and end (%s – %s)', (start, end) => {
    const { startsAt, endsAt, midpointAt } = periodBounds(start, end);
    const s = Date.parse(startsAt);
    const e = Date.parse(endsAt);
    const m = Date.parse(midpointAt);
    expect(m - s).toBe(e - m);
    expect(s).toBeLessThan(m);
    expect(m).toBeLessThan(e);
  });

  it('gives every instant in UTC ISO form', () => {
    const bounds = periodBounds('2027-03-01', '2027-06-30');
    for (const instant of Object.values(bounds)) {
      expect(instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => periodBounds('2027-02-30', '2027-06-30')).toThrow(RangeError);
    expect(() => periodBounds('2027-01-01', 'next year')).toThrow(RangeError);
  });
});

describe('the default end and the cap', () => {
  it('runs one year from the start where the judgment sets no end', () => {
    expect(defaultPeriodEnd('2026-11-16')).toBe('2027-11-15');
    expect(defaultPeriodEnd('2027-01-01')).toBe('2027-12-31');
  });

  it('ends on 29 February when a one-year period starts on 1 March before a leap year', () => {
    expect(defaultPeriodEnd('2027-03-01')).toBe('2028-02-29');
  });

  it('ends the day before 28 February when a period starts on 29 February (the anniversary falls on 28 February)', () => {
    expect(defaultPeriodEnd('2028-02-29')).toBe('2029-02-27');
    expect(lastDayWithinCap('2028-02-29', 12)).toBe('2029-02-27');
  });

  it('computes the last day for caps other than a year', () => {
    expect(lastDayWithinCap('2026-11-16', 6)).toBe('2027-05-15');
    expect(lastDayWithinCap('2026-11-16', 18)).toBe('2028-05-15');
  });

  it('accepts a period that ends on or before the last day within the cap', () => {
    expect(exceedsCap('2026-11-16', '2027-11-15', 12)).toBe(false);
    expect(exceedsCap('2026-11-16', '2027-05-31', 12)).toBe(false);
    expect(exceedsCap('2026-11-16', '2026-11-16', 12)).toBe(false);
    expect(exceedsCap('2028-02-29', '2029-02-27', 12)).toBe(false);
    expect(exceedsCap('2027-03-01', '2028-02-29', 12)).toBe(false);
  });

  it('flags a period longer than the cap, by even one day', () => {
    expect(exceedsCap('2026-11-16', '2027-11-16', 12)).toBe(true);
    expect(exceedsCap('2026-11-16', '2028-11-15', 12)).toBe(true); // a typo in the year
    expect(exceedsCap('2028-02-29', '2029-02-28', 12)).toBe(true);
    expect(exceedsCap('2027-03-01', '2028-03-01', 12)).toBe(true);
  });

  it('follows a configured cap', () => {
    expect(exceedsCap('2026-11-16', '2028-05-15', 18)).toBe(false);
    expect(exceedsCap('2026-11-16', '2028-05-16', 18)).toBe(true);
    expect(exceedsCap('2026-11-16', '2027-05-16', 6)).toBe(true);
  });

  it('tells calendar dates from other strings', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-1-5')).toBe(false);
    expect(isCalendarDate('2027-01-05T10:00:00Z')).toBe(false);
  });
});

describe('adding days in Swedish time', () => {
  it('adds whole days', () => {
    expect(addDays('2026-11-10T09:00:00.000Z', 14)).toBe('2026-11-24T09:00:00.000Z');
  });

  it('keeps the Swedish clock time across the switch to summer time (a 23-hour day)', () => {
    expect(addDays('2027-03-27T10:00:00.000Z', 1)).toBe('2027-03-28T09:00:00.000Z');
  });

  it('keeps the Swedish clock time across the switch to winter time (a 25-hour day)', () => {
    expect(addDays('2027-10-30T10:00:00.000Z', 1)).toBe('2027-10-31T11:00:00.000Z');
  });
});

const JUDGMENT: Judgment = {
  court: 'Göteborgs tingsrätt',
  courtCaseNumber: 'T 1234-26',
  judgmentDate: '2026-11-02',
  periodStart: '2026-11-16',
  periodEnd: '2027-11-15',
  periodEndSetByCourt: true,
  evaluationRequested: false,
};
const PERIOD = { midpointAt: '2027-05-17T11:00:00.000Z', endsAt: '2027-11-15T23:00:00.000Z' };
const REGISTERED_AT = '2026-11-10T09:00:00.000Z';
const SUMMONS_SENT_AT = '2026-11-13T09:30:00.000Z';
const CLOSING_STARTED_AT = '2027-11-15T23:00:05.000Z';

function context(over: Partial<CaseContext> = {}, evaluationRequested = false): CaseContext {
  return { judgment: { ...JUDGMENT, evaluationRequested }, registeredAt: REGISTERED_AT, visitCount: 0, ...over };
}

const initiated: Partial<CaseContext> = { initiatedAt: '2026-11-11T08:00:00.000Z' };
const appointed: Partial<CaseContext> = {
  ...initiated,
  supporter: { supporterId: 'sup-7', decidedAt: '2026-11-12', appointedAt: '2026-11-12T10:00:00.000Z' },
};
const summoned: Partial<CaseContext> = {
  ...appointed,
  startupMeeting: { meetingAt: '2026-11-20T13:00:00.000Z', summonsSentAt: SUMMONS_SENT_AT },
};
const meetingHeld: Partial<CaseContext> = {
  ...appointed,
  startupMeeting: {
    meetingAt: '2026-11-20T13:00:00.000Z',
    summonsSentAt: SUMMONS_SENT_AT,
    heldAt: '2026-11-20T13:00:00.000Z',
    enrollmentFormSigned: false,
    rulesAccepted: true,
    childInterviewConsent: false,
  },
};
const visiting: Partial<CaseContext> = {
  ...meetingHeld,
  visitsStartedAt: '2026-11-21T09:05:00.000Z',
  documentCopiesSentAt: '2026-11-21T09:00:00.000Z',
  visitCount: 3,
};
const pastMidpoint: Partial<CaseContext> = { ...visiting, midpointReachedAt: '2027-05-17T11:00:03.000Z' };
const closing: Partial<CaseContext> = {
  ...pastMidpoint,
  closing: { startedAt: CLOSING_STARTED_AT, cause: 'periodEnded' },
};
const closingMeetingHeld: Partial<CaseContext> = {
  ...pastMidpoint,
  closing: { startedAt: CLOSING_STARTED_AT, cause: 'periodEnded', meetingHeldAt: '2027-11-22T10:00:00.000Z' },
};
const evaluated: Partial<CaseContext> = {
  ...closingMeetingHeld,
  evaluation: { sentToCourtAt: '2027-12-01T09:00:00.000Z' },
};
const archived: Partial<CaseContext> = {
  ...closingMeetingHeld,
  termination: { decidedAt: '2027-12-05', archivedAt: '2027-12-06T08:00:00.000Z' },
};

const D = DEFAULT_REMINDER_DELAYS;
/** A held visit on 1 December and a stopped one on 8 December, both still without a report. */
const AWAITED = ['2026-12-01T13:00:00.000Z', '2026-12-08T15:30:00.000Z'];
const awaitingReports: Partial<CaseContext> = { ...visiting, visitsAwaitingReport: AWAITED };
const REPORT_REMINDERS = [
  { kind: 'visitReportMissing', dueAt: '2026-12-04T13:00:00.000Z' },
  { kind: 'visitReportMissing', dueAt: '2026-12-11T15:30:00.000Z' },
];

const PERIOD_END = { kind: 'periodEnd', dueAt: PERIOD.endsAt, event: 'PERIOD_ENDED' };
/** Three weeks after visits started (21 November), no visit logged since. */
const NO_RECENT_VISIT = { kind: 'noRecentVisit', dueAt: '2026-12-12T09:05:00.000Z' };

describe('which deadlines a case wants', () => {
  it('knows the two deadlines that move a case and the ten reminders', () => {
    expect([...TRANSITION_DEADLINE_KINDS]).toEqual(['midpoint', 'periodEnd']);
    expect([...REMINDER_KINDS].sort()).toEqual(
      [
        'closingMeetingNotHeld',
        'evaluationNotSubmitted',
        'followUpNotHeld',
        'notArchived',
        'startupMeetingNotHeld',
        'summonsNotSent',
        'supporterNotAppointed',
        'visitReportMissing',
        'visitsNotStarted',
        'noRecentVisit',
      ].sort(),
    );
    expect(D).toEqual({
      supporterNotAppointed: 14,
      summonsNotSent: 7,
      startupMeetingNotHeld: 21,
      visitsNotStarted: 14,
      visitReportMissing: 3,
      noRecentVisit: 21,
      followUpNotHeld: 14,
      closingMeetingNotHeld: 21,
      evaluationNotSubmitted: 30,
      notArchived: 60,
    });
  });

  it('keeps the period end pending and reminds that no supporter is appointed, counted from registration, while received', () => {
    expect(wantedDeadlines('received', context(), D)).toEqual([
      PERIOD_END,
      { kind: 'supporterNotAppointed', dueAt: '2026-11-24T09:00:00.000Z' },
    ]);
  });

  it('counts the appointment reminder from the day the judgment reached the unit, where the secretary gave it', () => {
    const late = context();
    late.judgment = { ...late.judgment, receivedAt: '2026-11-03' };
    expect(wantedDeadlines('received', late, D)).toContainEqual({
      kind: 'supporterNotAppointed',
      dueAt: '2026-11-16T23:00:00.000Z',
    });
  });

  it('keeps that reminder, still counted from registration, once initiated', () => {
    expect(wantedDeadlines('initiated', context(initiated), D)).toEqual([
      PERIOD_END,
      { kind: 'supporterNotAppointed', dueAt: addDays(REGISTERED_AT, D.supporterNotAppointed) },
    ]);
  });

  it('reminds that the summons is not sent, counted from the appointment', () => {
    expect(wantedDeadlines('supporterAppointed', context(appointed), D)).toEqual([
      PERIOD_END,
      { kind: 'summonsNotSent', dueAt: '2026-11-19T10:00:00.000Z' },
    ]);
  });

  it('reminds that the start-up meeting is not held, counted from the summons', () => {
    expect(wantedDeadlines('startupMeeting', context(summoned), D)).toEqual([
      PERIOD_END,
      { kind: 'startupMeetingNotHeld', dueAt: '2026-12-04T09:30:00.000Z' },
    ]);
  });

  it('reminds that visits have not started once the meeting is held, even if the form is still unsigned', () => {
    expect(wantedDeadlines('startupMeeting', context(meetingHeld), D)).toEqual([
      PERIOD_END,
      { kind: 'visitsNotStarted', dueAt: '2026-12-04T13:00:00.000Z' },
    ]);
  });

  it('wants the midpoint, the period end and a reminder of a stalled routine during visits before the midpoint', () => {
    expect(wantedDeadlines('activeVisits', context(visiting), D)).toEqual([
      { kind: 'midpoint', dueAt: PERIOD.midpointAt, event: 'MIDPOINT_REACHED' },
      PERIOD_END,
      NO_RECENT_VISIT,
    ]);
  });

  it('wants the period end and a reminder that the follow-up is not held at the midpoint follow-up', () => {
    expect(wantedDeadlines('midpointFollowUp', context(pastMidpoint), D)).toEqual([
      PERIOD_END,
      { kind: 'followUpNotHeld', dueAt: '2027-05-31T11:00:03.000Z' },
      NO_RECENT_VISIT,
    ]);
  });

  it('counts that reminder from the booked follow-up meeting instead, its last parent’s meeting where they are met apart', () => {
    const booked = {
      ...context(pastMidpoint),
      meetings: {
        midpointFollowUp: {
          bookedAt: '2026-11-20T10:00:00.000Z',
          individual: {
            residentParent: { meetingAt: '2027-06-08T07:00:00.000Z' },
            visitingParent: { meetingAt: '2027-06-07T07:00:00.000Z' },
          },
        },
      },
    };
    expect(wantedDeadlines('midpointFollowUp', booked, D)).toEqual([
      PERIOD_END,
      { kind: 'followUpNotHeld', dueAt: '2027-06-22T07:00:00.000Z' },
      NO_RECENT_VISIT,
    ]);
  });

  it('counts the stalled-routine reminder from the latest visit, whatever order visits were logged in', () => {
    const visited = {
      ...visiting,
      lastVisit: { occurredAt: '2026-12-01T13:00:00.000Z', outcome: 'completed' as const },
    };
    expect(wantedDeadlines('activeVisits', context(visited), D)).toContainEqual({
      kind: 'noRecentVisit',
      dueAt: '2026-12-22T13:00:00.000Z',
    });
    const loggedLate = { ...visited, latestVisitAt: '2026-12-08T15:30:00.000Z' };
    expect(wantedDeadlines('activeVisits', context(loggedLate), D)).toContainEqual({
      kind: 'noRecentVisit',
      dueAt: '2026-12-29T15:30:00.000Z',
    });
  });

  it('no longer wants the midpoint once it was reached', () => {
    expect(wantedDeadlines('activeVisits', context(pastMidpoint), D)).toEqual([PERIOD_END, NO_RECENT_VISIT]);
  });

  it('takes the period from the judgment, in Swedish time', () => {
    const summer = context(visiting);
    summer.judgment = { ...summer.judgment, periodStart: '2027-03-01', periodEnd: '2027-06-30' };
    const bounds = periodBounds('2027-03-01', '2027-06-30');
    expect(wantedDeadlines('activeVisits', summer, D)).toEqual([
      { kind: 'midpoint', dueAt: bounds.midpointAt, event: 'MIDPOINT_REACHED' },
      { kind: 'periodEnd', dueAt: '2027-06-30T22:00:00.000Z', event: 'PERIOD_ENDED' },
      NO_RECENT_VISIT,
    ]);
  });

  it('reminds about the closing meeting and the archiving in closing when no evaluation was asked for', () => {
    expect(wantedDeadlines('closing', context(closing), D)).toEqual([
      { kind: 'closingMeetingNotHeld', dueAt: '2027-12-06T23:00:05.000Z' },
      { kind: 'notArchived', dueAt: addDays(CLOSING_STARTED_AT, D.notArchived) },
    ]);
    expect(wantedDeadlines('closing', context(closingMeetingHeld), D)).toEqual([
      { kind: 'notArchived', dueAt: '2028-01-14T23:00:05.000Z' },
    ]);
  });

  it('reminds about the evaluation and the archiving in closing when the court asked for an evaluation', () => {
    expect(wantedDeadlines('closing', context(closing, true), D)).toEqual([
      { kind: 'closingMeetingNotHeld', dueAt: '2027-12-06T23:00:05.000Z' },
      { kind: 'evaluationNotSubmitted', dueAt: '2027-12-15T23:00:05.000Z' },
      { kind: 'notArchived', dueAt: '2028-01-14T23:00:05.000Z' },
    ]);
  });

  it('reminds only about archiving once the evaluation is sent', () => {
    expect(wantedDeadlines('evaluated', context(evaluated, true), D)).toEqual([
      { kind: 'notArchived', dueAt: addDays(CLOSING_STARTED_AT, D.notArchived) },
    ]);
  });

  it.each([false, true])('wants nothing for an archived case (evaluation requested: %s)', (evaluationRequested) => {
    expect(wantedDeadlines('archived', context(archived, evaluationRequested), D)).toEqual([]);
  });

  it('dates reminders from the configured delays', () => {
    const delays: ReminderDelays = {
      ...DEFAULT_REMINDER_DELAYS,
      supporterNotAppointed: 3,
      startupMeetingNotHeld: 7,
      visitReportMissing: 5,
      evaluationNotSubmitted: 10,
      notArchived: 90,
    };
    expect(wantedDeadlines('received', context(), delays)).toEqual([
      PERIOD_END,
      { kind: 'supporterNotAppointed', dueAt: '2026-11-13T09:00:00.000Z' },
    ]);
    expect(wantedDeadlines('startupMeeting', context(summoned), delays)).toEqual([
      PERIOD_END,
      { kind: 'startupMeetingNotHeld', dueAt: '2026-11-20T09:30:00.000Z' },
    ]);
    expect(wantedDeadlines('closing', context(closingMeetingHeld, true), delays)).toEqual([
      { kind: 'evaluationNotSubmitted', dueAt: '2027-11-25T23:00:05.000Z' },
      { kind: 'notArchived', dueAt: '2028-02-13T23:00:05.000Z' },
    ]);
    expect(wantedDeadlines('activeVisits', context(awaitingReports), delays)).toContainEqual({
      kind: 'visitReportMissing',
      dueAt: '2026-12-06T13:00:00.000Z',
    });
    // The law's clock does not depend on the reminder delays.
    expect(wantedDeadlines('activeVisits', context(visiting), delays)).toEqual(
      wantedDeadlines('activeVisits', context(visiting), D),
    );
  });

  it('sends a system event only with the deadlines that move the case', () => {
    const all = [
      ...wantedDeadlines('received', context(), D),
      ...wantedDeadlines('startupMeeting', context(summoned), D),
      ...wantedDeadlines('activeVisits', context(visiting), D),
      ...wantedDeadlines('closing', context(closing, true), D),
      ...wantedDeadlines('midpointFollowUp', context({ ...pastMidpoint, visitsAwaitingReport: AWAITED }), D),
    ];
    expect(all.map((d) => d.kind)).toContain('visitReportMissing');
    for (const deadline of all) {
      const movesTheCase = (TRANSITION_DEADLINE_KINDS as readonly string[]).includes(deadline.kind);
      expect(deadline.event !== undefined).toBe(movesTheCase);
    }
  });

  it('moves a reminder due across the switch to summer time by Swedish clock time', () => {
    const c = context({}, false);
    c.registeredAt = '2027-03-20T10:00:00.000Z'; // 11:00 CET
    expect(wantedDeadlines('received', c, D)).toContainEqual(
      { kind: 'supporterNotAppointed', dueAt: '2027-04-03T09:00:00.000Z' }, // 11:00 CEST
    );
  });
});

describe('reminders about visit reports', () => {
  it('reminds about each held or stopped visit still without a report, counted from the visit, during visits', () => {
    expect(wantedDeadlines('activeVisits', context(awaitingReports), D)).toEqual([
      { kind: 'midpoint', dueAt: PERIOD.midpointAt, event: 'MIDPOINT_REACHED' },
      { kind: 'periodEnd', dueAt: PERIOD.endsAt, event: 'PERIOD_ENDED' },
      NO_RECENT_VISIT,
      ...REPORT_REMINDERS,
    ]);
  });

  it('keeps reminding at the midpoint follow-up', () => {
    expect(wantedDeadlines('midpointFollowUp', context({ ...pastMidpoint, visitsAwaitingReport: AWAITED }), D)).toEqual(
      [...wantedDeadlines('midpointFollowUp', context(pastMidpoint), D), ...REPORT_REMINDERS],
    );
  });

  it.each([false, true])(
    'keeps reminding in closing and once evaluated (evaluation requested: %s)',
    (evaluationRequested) => {
      const closingWants = wantedDeadlines(
        'closing',
        context({ ...closing, visitsAwaitingReport: AWAITED }, evaluationRequested),
        D,
      );
      expect(closingWants).toEqual([
        ...wantedDeadlines('closing', context(closing, evaluationRequested), D),
        ...REPORT_REMINDERS,
      ]);
      if (evaluationRequested) {
        expect(wantedDeadlines('evaluated', context({ ...evaluated, visitsAwaitingReport: AWAITED }, true), D)).toEqual(
          [{ kind: 'notArchived', dueAt: addDays(CLOSING_STARTED_AT, D.notArchived) }, ...REPORT_REMINDERS],
        );
      }
    },
  );

  it('wants no report reminder once the case is archived', () => {
    expect(wantedDeadlines('archived', context({ ...archived, visitsAwaitingReport: AWAITED }), D)).toEqual([]);
  });

  it('wants none when no report is awaited, or for a case stored before reports were awaited', () => {
    const none = wantedDeadlines('activeVisits', context({ ...visiting, visitsAwaitingReport: [] }), D);
    expect(none).toEqual(wantedDeadlines('activeVisits', context(visiting), D));
    expect(none.map((d) => d.kind)).not.toContain('visitReportMissing');
  });

  it('wants one reminder for visits at the same instant, as long as any of them lacks a report', () => {
    const same = context({ ...visiting, visitsAwaitingReport: [AWAITED[0], AWAITED[0]] });
    expect(wantedDeadlines('activeVisits', same, D).filter((d) => d.kind === 'visitReportMissing')).toEqual([
      REPORT_REMINDERS[0],
    ]);
  });

  it('counts the days in Swedish clock time across the switch to summer time', () => {
    const spring = context({ ...visiting, visitsAwaitingReport: ['2027-03-26T17:00:00.000Z'] }); // 18:00 CET
    expect(wantedDeadlines('activeVisits', spring, D)).toContainEqual({
      kind: 'visitReportMissing',
      dueAt: '2027-03-29T16:00:00.000Z', // 18:00 CEST
    });
  });
});
