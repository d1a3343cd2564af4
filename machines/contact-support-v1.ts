import { caseSetup } from './case-setup.js';

/**
 * `contactSupport@1`, as shipped. Frozen: test/machine/shipped-versions.test.ts pins its definition.
 * Stored cases that are still open move to the current version at start-up (machines/migrations.ts).
 */
export const contactSupportV1 = caseSetup.createMachine({
  id: 'contactSupport',
  initial: 'received',
  context: ({ input }) => ({ judgment: input.judgment, registeredAt: input.registeredAt, visitCount: 0 }),
  states: {
    received: {
      on: { INITIATE: { target: 'initiated', actions: 'initiate' } },
    },
    initiated: {
      on: {
        APPOINT_SUPPORTER: { target: 'supporterAppointed', actions: 'appointSupporter' },
        END_EARLY: { target: 'closing', actions: 'endEarly' },
      },
    },
    supporterAppointed: {
      on: {
        SEND_SUMMONS: { target: 'startupMeeting', actions: 'sendSummons' },
        REPLACE_SUPPORTER: { actions: 'appointSupporter' },
        END_EARLY: { target: 'closing', actions: 'endEarly' },
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
