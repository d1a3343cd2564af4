import { assign, setup } from 'xstate';
import type { CaseContext, CaseInput } from '../case-context.js';
import type { CaseEvent, VisitOutcome } from '../case-events.js';

/*
 * `contactSupport@2`: no state waits without the law's clock. The period ends in every open state
 * (before visits started the case closes with its own cause, so the court can be told), and a
 * visit held before the end may still be logged while the case closes. Otherwise as `@1`.
 *
 * Shipped, and frozen: test/machine/shipped-versions.test.ts pins this whole definition, guard and
 * action code included. Nothing here is imported from another version or from a value outside this
 * folder (only types), so no later change can reach it.
 */

type Event<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;

/** A report is expected after every visit that was held, including one the supporter had to stop. */
const REPORTED_OUTCOMES: readonly VisitOutcome[] = ['completed', 'stopped'];

/** Its types, guards and actions: everything it decides with, kept in this folder. */
const v2Setup = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseInput,
  },
  guards: {
    startupMeetingCompleted: ({ context }) =>
      Boolean(
        context.startupMeeting?.heldAt &&
        context.startupMeeting.enrollmentFormSigned &&
        context.startupMeeting.rulesAccepted,
      ),
    midpointNotYetReached: ({ context }) => context.midpointReachedAt === undefined,
    evaluationDue: ({ context }) =>
      context.judgment.evaluationRequested && context.closing?.meetingHeldAt !== undefined,
    archivableFromClosing: ({ context }) =>
      !context.judgment.evaluationRequested && context.closing?.meetingHeldAt !== undefined,
    visitsWereStarted: ({ context }) => context.visitsStartedAt !== undefined,
  },
  actions: {
    initiate: assign(({ event }) => {
      const e = event as Event<'INITIATE'>;
      return { diaryNumber: e.diaryNumber, initiatedAt: e.at };
    }),
    // A replacement is a new appointment decision: the context holds the supporter named last.
    appointSupporter: assign(({ event }) => {
      const e = event as Event<'APPOINT_SUPPORTER' | 'REPLACE_SUPPORTER'>;
      return { supporter: { supporterId: e.supporterId, decidedAt: e.decidedAt, appointedAt: e.at } };
    }),
    sendSummons: assign(({ event }) => {
      const e = event as Event<'SEND_SUMMONS'>;
      return { startupMeeting: { meetingAt: e.meetingAt, summonsSentAt: e.at } };
    }),
    holdStartupMeeting: assign(({ context, event }) => {
      const e = event as Event<'HOLD_STARTUP_MEETING'>;
      return {
        startupMeeting: {
          meetingAt: context.startupMeeting?.meetingAt ?? e.heldAt,
          summonsSentAt: context.startupMeeting?.summonsSentAt ?? e.at,
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
      return {
        visitCount: context.visitCount + 1,
        lastVisit: { occurredAt: e.occurredAt, outcome: e.outcome, stopReason: e.stopReason },
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
      return { closing: { startedAt: e.at, cause: 'endedEarly' as const, earlyEndReason: e.reason } };
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
      return { termination: { decidedAt: e.terminationDecidedAt, archivedAt: e.at } };
    }),
  },
});

export const contactSupportV2 = v2Setup.createMachine({
  id: 'contactSupport@2',
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
        START_VISITS: { target: 'activeVisits', guard: 'startupMeetingCompleted', actions: 'startVisits' },
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
        SUBMIT_EVALUATION: { target: 'evaluated', guard: 'evaluationDue', actions: 'submitEvaluation' },
        ARCHIVE: { target: 'archived', guard: 'archivableFromClosing', actions: 'archive' },
        // Reports on the last visits may still come in while the case closes.
        VISIT_REPORT_FILED: { actions: 'receiveVisitReport' },
        // A visit held before the period ended may be logged late: its report and pay are not lost.
        LOG_VISIT: { guard: 'visitsWereStarted', actions: 'logVisit' },
      },
    },
    evaluated: {
      on: {
        ARCHIVE: { target: 'archived', actions: 'archive' },
        VISIT_REPORT_FILED: { actions: 'receiveVisitReport' },
      },
    },
    archived: { type: 'final' },
  },
});
