import { assign } from 'xstate';
import { caseSetup } from './case-setup.js';

/**
 * `contactSupport@2`: no state waits without the law's clock. The period ends in every open state
 * (before visits started the case closes with its own cause, so the court can be told), and a
 * visit held before the end may still be logged while the case closes.
 */
export const contactSupportV2 = caseSetup
  .extend({
    guards: {
      visitsWereStarted: ({ context }) => context.visitsStartedAt !== undefined,
    },
    actions: {
      closeBeforeVisits: assign(({ event }) => ({
        closing: { startedAt: event.at, cause: 'periodEndedBeforeVisits' as const },
      })),
    },
  })
  .createMachine({
    id: 'contactSupport@2',
    initial: 'received',
    context: ({ input }) => ({ judgment: input.judgment, registeredAt: input.registeredAt, visitCount: 0 }),
    states: {
      received: {
        on: {
          INITIATE: { target: 'initiated', actions: 'initiate' },
          PERIOD_ENDED: { target: 'closing', actions: 'closeBeforeVisits' },
        },
      },
      initiated: {
        on: {
          APPOINT_SUPPORTER: { target: 'supporterAppointed', actions: 'appointSupporter' },
          END_EARLY: { target: 'closing', actions: 'endEarly' },
          PERIOD_ENDED: { target: 'closing', actions: 'closeBeforeVisits' },
        },
      },
      supporterAppointed: {
        on: {
          SEND_SUMMONS: { target: 'startupMeeting', actions: 'sendSummons' },
          REPLACE_SUPPORTER: { actions: 'appointSupporter' },
          END_EARLY: { target: 'closing', actions: 'endEarly' },
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
          // A visit held before the period ended may be logged late: its report and pay are not lost.
          LOG_VISIT: { guard: 'visitsWereStarted', actions: 'logVisit' },
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
