import { assign, setup } from 'xstate';
import type { CaseContext, CaseInput } from './case-context.js';
import { REPORTED_OUTCOMES, type CaseEvent } from './case-events.js';

type Event<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;

/** The rule behind each guard, in words a secretary understands (used in 422 answers). */
export const V1_GUARD_RULES = {
  startupMeetingCompleted:
    'visits start only after the start-up meeting was held with the enrollment form signed and the rules accepted',
  midpointNotYetReached: 'the midpoint follow-up comes once per assignment',
  evaluationDue: 'an evaluation is submitted only when the court asked for one, after the closing meeting',
  archivableFromClosing:
    'a case is archived after the closing meeting, and only from closing when no evaluation was asked for (otherwise after the evaluation)',
} as const;

/** The types, guards and actions of `contactSupport@1`; later versions extend them, never change them. */
export const caseSetup = setup({
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
