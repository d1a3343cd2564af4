import { assign, setup } from 'xstate';
import type { CaseContext, CaseInput, IndividualMeeting } from '../case-context.js';
import type { CaseEvent, DecisionBy, IndividualMeetingPlan, MeetingParty, VisitOutcome } from '../case-events.js';

/*
 * `contactSupport@3`: as `@2`, and
 * - the start-up meeting may be held as individual meetings, one per parent (where one parent must
 *   not learn where the other will be): the summons plans each parent's own meeting, each is
 *   recorded on its own, and visits start once both were held with the form signed and the rules
 *   accepted;
 * - the summons records the day it went out, an early end its own day and a reason category, and
 *   every decision who made it (and who presented it);
 * - a case that closed before visits started can still be initiated or get its diary number late,
 *   and closes without a closing meeting (there was no support to close), so the court can be told
 *   and the case archived;
 * - a closing case without a diary number can get one later, so the court can be written to;
 * - the follow-up at half time and the closing meeting can be booked ahead, their summons sent
 *   (routine step 9), from the start-up meeting until each is held; the latest booking counts;
 * - the context keeps when the latest visit took place, whatever order visits are logged in.
 *
 * Frozen once shipped: test/machine/shipped-versions.test.ts pins this whole definition, guard and
 * action code included. Nothing here is imported from another version or from a value outside this
 * folder (only types), so no later change can reach it.
 */

type Event<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;

/** A report is expected after every visit that was held, including one the supporter had to stop. */
const REPORTED_OUTCOMES: readonly VisitOutcome[] = ['completed', 'stopped'];

const PARENTS: readonly MeetingParty[] = ['residentParent', 'visitingParent'];

/** The decision-maker and presenter as the event gave them, leaving out what it did not give. */
function decisionBy(e: DecisionBy): DecisionBy {
  return {
    ...(e.decisionMaker ? { decisionMaker: e.decisionMaker } : {}),
    ...(e.presenter ? { presenter: e.presenter } : {}),
  };
}

/** Whether there was support to close: without visits, no closing meeting is needed. */
function closingDone(context: CaseContext): boolean {
  return context.closing?.meetingHeldAt !== undefined || context.visitsStartedAt === undefined;
}

function individualMeetingCompleted(meeting: IndividualMeeting | undefined): boolean {
  return Boolean(meeting?.heldAt && meeting.enrollmentFormSigned && meeting.rulesAccepted);
}

/** Each parent's own meeting as a summons planned it, keyed by parent; nothing where none was planned. */
function individualPlans(plans: IndividualMeetingPlan[] | undefined) {
  return plans?.length
    ? {
        individual: Object.fromEntries(
          plans.map(({ party, meetingAt, place }) => [party, { meetingAt, ...(place ? { place } : {}) }]),
        ),
      }
    : {};
}

/** Its types, guards and actions: everything it decides with, kept in this folder. */
const v3Setup = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseInput,
  },
  guards: {
    startupMeetingsCompleted: ({ context }) => {
      const meeting = context.startupMeeting;
      const joint = Boolean(meeting?.heldAt && meeting.enrollmentFormSigned && meeting.rulesAccepted);
      return joint || PARENTS.every((party) => individualMeetingCompleted(meeting?.individual?.[party]));
    },
    midpointNotYetReached: ({ context }) => context.midpointReachedAt === undefined,
    evaluationDueOnceClosed: ({ context }) => context.judgment.evaluationRequested && closingDone(context),
    archivableOnceClosed: ({ context }) => !context.judgment.evaluationRequested && closingDone(context),
    visitsWereStarted: ({ context }) => context.visitsStartedAt !== undefined,
    notYetInitiated: ({ context }) => context.initiatedAt === undefined,
    diaryNumberMissing: ({ context }) => context.diaryNumber === undefined,
    meetingStillAhead: ({ context, event }) =>
      (event as Event<'BOOK_MEETING'>).kind === 'midpointFollowUp'
        ? context.midpointFollowUp === undefined && context.closing === undefined
        : context.closing?.meetingHeldAt === undefined,
  },
  actions: {
    initiate: assign(({ event }) => {
      const e = event as Event<'INITIATE'>;
      return { diaryNumber: e.diaryNumber, initiatedAt: e.at };
    }),
    recordDiaryNumber: assign(({ event }) => ({ diaryNumber: (event as Event<'RECORD_DIARY_NUMBER'>).diaryNumber })),
    // A replacement is a new appointment decision: the context holds the supporter named last.
    appointSupporter: assign(({ event }) => {
      const e = event as Event<'APPOINT_SUPPORTER' | 'REPLACE_SUPPORTER'>;
      const takesOver = 'takesOverOn' in e && e.takesOverOn ? { takesOverOn: e.takesOverOn } : {};
      return {
        supporter: {
          supporterId: e.supporterId,
          decidedAt: e.decidedAt,
          appointedAt: e.at,
          ...takesOver,
          ...decisionBy(e),
        },
      };
    }),
    sendSummons: assign(({ event }) => {
      const e = event as Event<'SEND_SUMMONS'>;
      return {
        startupMeeting: {
          ...(e.meetingAt ? { meetingAt: e.meetingAt } : {}),
          ...(e.place ? { place: e.place } : {}),
          summonsSentAt: e.at,
          ...(e.sentOn ? { sentOn: e.sentOn } : {}),
          ...individualPlans(e.individualMeetings),
        },
      };
    }),
    bookMeeting: assign(({ context, event }) => {
      const e = event as Event<'BOOK_MEETING'>;
      const booked = {
        ...(e.meetingAt ? { meetingAt: e.meetingAt } : {}),
        ...(e.place ? { place: e.place } : {}),
        bookedAt: e.at,
        ...(e.sentOn ? { sentOn: e.sentOn } : {}),
        ...individualPlans(e.individualMeetings),
      };
      return { meetings: { ...context.meetings, [e.kind]: booked } };
    }),
    holdStartupMeeting: assign(({ context, event }) => {
      const e = event as Event<'HOLD_STARTUP_MEETING'>;
      // Only reachable in startupMeeting, which the summons sets.
      const planned = context.startupMeeting!;
      if (e.party) {
        // A meeting held without being planned in the summons counts as planned for when it was held.
        const held = {
          meetingAt: e.heldAt,
          ...planned.individual?.[e.party],
          heldAt: e.heldAt,
          enrollmentFormSigned: e.enrollmentFormSigned,
          rulesAccepted: e.rulesAccepted,
        };
        return {
          startupMeeting: {
            ...planned,
            childInterviewConsent: e.childInterviewConsent,
            individual: { ...planned.individual, [e.party]: held },
          },
        };
      }
      return {
        startupMeeting: {
          ...planned,
          heldAt: e.heldAt,
          enrollmentFormSigned: e.enrollmentFormSigned,
          rulesAccepted: e.rulesAccepted,
          childInterviewConsent: e.childInterviewConsent,
        },
      };
    }),
    startVisits: assign(({ event }) => {
      const e = event as Event<'START_VISITS'>;
      return { visitsStartedAt: e.at, documentCopiesSentAt: e.documentCopiesSentAt };
    }),
    logVisit: assign(({ context, event }) => {
      const e = event as Event<'LOG_VISIT'>;
      // A report follows every visit that was held, also one the supporter had to stop. Kept as a
      // UTC instant so the report's event names it however the client wrote the time.
      const awaiting = REPORTED_OUTCOMES.includes(e.outcome)
        ? { visitsAwaitingReport: [...(context.visitsAwaitingReport ?? []), new Date(e.occurredAt).toISOString()] }
        : {};
      const latest = context.latestVisitAt;
      return {
        visitCount: context.visitCount + 1,
        lastVisit: { occurredAt: e.occurredAt, outcome: e.outcome, stopReason: e.stopReason },
        latestVisitAt: latest && Date.parse(latest) >= Date.parse(e.occurredAt) ? latest : e.occurredAt,
        ...awaiting,
      };
    }),
    receiveVisitReport: assign(({ context, event }) => {
      const e = event as Event<'VISIT_REPORT_FILED'>;
      const awaiting = context.visitsAwaitingReport ?? [];
      // One entry per visit: two visits at the same instant wait for two reports.
      const index = awaiting.findIndex((occurredAt) => Date.parse(occurredAt) === Date.parse(e.occurredAt));
      return index < 0 ? {} : { visitsAwaitingReport: awaiting.toSpliced(index, 1) };
    }),
    reachMidpoint: assign(({ event }) => ({ midpointReachedAt: event.at })),
    holdFollowUp: assign(({ event }) => {
      const e = event as Event<'HOLD_FOLLOW_UP'>;
      return { midpointFollowUp: { heldAt: e.heldAt, notes: e.notes } };
    }),
    closeAtPeriodEnd: assign(({ event }) => ({
      closing: { startedAt: event.at, cause: 'periodEnded' as const },
    })),
    closeBeforeVisits: assign(({ event }) => ({
      closing: { startedAt: event.at, cause: 'periodEndedBeforeVisits' as const },
    })),
    endEarly: assign(({ event }) => {
      const e = event as Event<'END_EARLY'>;
      return {
        closing: {
          startedAt: e.at,
          cause: 'endedEarly' as const,
          earlyEndReason: e.reason,
          ...(e.endedOn ? { endedOn: e.endedOn } : {}),
          ...(e.reasonCategory ? { earlyEndCategory: e.reasonCategory } : {}),
          ...decisionBy(e),
        },
      };
    }),
    holdClosingMeeting: assign(({ context, event }) => {
      const e = event as Event<'HOLD_CLOSING_MEETING'>;
      // Only reachable inside closing, which every way in sets.
      return { closing: { ...context.closing!, meetingHeldAt: e.heldAt } };
    }),
    submitEvaluation: assign(({ event }) => {
      const e = event as Event<'SUBMIT_EVALUATION'>;
      return { evaluation: { sentToCourtAt: e.sentToCourtAt } };
    }),
    archive: assign(({ event }) => {
      const e = event as Event<'ARCHIVE'>;
      return { termination: { decidedAt: e.terminationDecidedAt, archivedAt: e.at, ...decisionBy(e) } };
    }),
  },
});

export const contactSupportV3 = v3Setup.createMachine({
  id: 'contactSupport@3',
  initial: 'received',
  context: ({ input }) => ({ judgment: input.judgment, registeredAt: input.registeredAt, visitCount: 0 }),
  states: {
    received: {
      on: {
        INITIATE: { target: 'initiated', actions: 'initiate' },
        // Before visits start, the period's end closes the case with its own cause, so the court can be told.
        PERIOD_ENDED: { target: 'closing', actions: 'closeBeforeVisits' },
      },
    },
    initiated: {
      on: {
        APPOINT_SUPPORTER: { target: 'supporterAppointed', actions: 'appointSupporter' },
        END_EARLY: { target: 'closing', actions: 'endEarly' },
        // Before visits start, the period's end closes the case with its own cause, so the court can be told.
        PERIOD_ENDED: { target: 'closing', actions: 'closeBeforeVisits' },
      },
    },
    supporterAppointed: {
      on: {
        SEND_SUMMONS: { target: 'startupMeeting', actions: 'sendSummons' },
        REPLACE_SUPPORTER: { actions: 'appointSupporter' },
        END_EARLY: { target: 'closing', actions: 'endEarly' },
        // Before visits start, the period's end closes the case with its own cause, so the court can be told.
        PERIOD_ENDED: { target: 'closing', actions: 'closeBeforeVisits' },
      },
    },
    startupMeeting: {
      initial: 'summoned',
      states: {
        summoned: {},
        // A meeting may be held again (say, to get the form signed); the latest record counts.
        held: {},
      },
      on: {
        HOLD_STARTUP_MEETING: { target: '.held', actions: 'holdStartupMeeting' },
        BOOK_MEETING: { guard: 'meetingStillAhead', actions: 'bookMeeting' },
        START_VISITS: { target: 'activeVisits', guard: 'startupMeetingsCompleted', actions: 'startVisits' },
        REPLACE_SUPPORTER: { actions: 'appointSupporter' },
        END_EARLY: { target: 'closing', actions: 'endEarly' },
        // Before visits start, the period's end closes the case with its own cause, so the court can be told.
        PERIOD_ENDED: { target: 'closing', actions: 'closeBeforeVisits' },
      },
    },
    activeVisits: {
      on: {
        LOG_VISIT: { actions: 'logVisit' },
        VISIT_REPORT_FILED: { actions: 'receiveVisitReport' },
        REPLACE_SUPPORTER: { actions: 'appointSupporter' },
        BOOK_MEETING: { guard: 'meetingStillAhead', actions: 'bookMeeting' },
        MIDPOINT_REACHED: { target: 'midpointFollowUp', guard: 'midpointNotYetReached', actions: 'reachMidpoint' },
        PERIOD_ENDED: { target: 'closing', actions: 'closeAtPeriodEnd' },
        END_EARLY: { target: 'closing', actions: 'endEarly' },
      },
    },
    midpointFollowUp: {
      on: {
        LOG_VISIT: { actions: 'logVisit' },
        VISIT_REPORT_FILED: { actions: 'receiveVisitReport' },
        REPLACE_SUPPORTER: { actions: 'appointSupporter' },
        BOOK_MEETING: { guard: 'meetingStillAhead', actions: 'bookMeeting' },
        HOLD_FOLLOW_UP: { target: 'activeVisits', actions: 'holdFollowUp' },
        PERIOD_ENDED: { target: 'closing', actions: 'closeAtPeriodEnd' },
        END_EARLY: { target: 'closing', actions: 'endEarly' },
      },
    },
    closing: {
      initial: 'awaitingClosingMeeting',
      states: {
        awaitingClosingMeeting: {
          on: { HOLD_CLOSING_MEETING: { target: 'closingMeetingHeld', actions: 'holdClosingMeeting' } },
        },
        closingMeetingHeld: {},
      },
      on: {
        SUBMIT_EVALUATION: { target: 'evaluated', guard: 'evaluationDueOnceClosed', actions: 'submitEvaluation' },
        ARCHIVE: { target: 'archived', guard: 'archivableOnceClosed', actions: 'archive' },
        // A case that closed before it was initiated is initiated late, so the court can be told under its diary number.
        INITIATE: { guard: 'notYetInitiated', actions: 'initiate' },
        RECORD_DIARY_NUMBER: { guard: 'diaryNumberMissing', actions: 'recordDiaryNumber' },
        BOOK_MEETING: { guard: 'meetingStillAhead', actions: 'bookMeeting' },
        // Reports on the last visits may still come in while the case closes.
        VISIT_REPORT_FILED: { actions: 'receiveVisitReport' },
        // A visit held before the period ended may be logged late: its report and pay are not lost.
        LOG_VISIT: { guard: 'visitsWereStarted', actions: 'logVisit' },
      },
    },
    evaluated: {
      on: {
        ARCHIVE: { target: 'archived', actions: 'archive' },
        RECORD_DIARY_NUMBER: { guard: 'diaryNumberMissing', actions: 'recordDiaryNumber' },
        VISIT_REPORT_FILED: { actions: 'receiveVisitReport' },
      },
    },
    archived: { type: 'final' },
  },
});
