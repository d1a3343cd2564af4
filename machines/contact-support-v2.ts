import { assign } from 'xstate';
import { caseSetup } from './case-setup.js';
import { contactSupportV1 } from './contact-support-v1.js';

const v2Setup = caseSetup.extend({
  guards: {
    visitsWereStarted: ({ context }) => context.visitsStartedAt !== undefined,
  },
  actions: {
    closeBeforeVisits: assign(({ event }) => ({
      closing: { startedAt: event.at, cause: 'periodEndedBeforeVisits' as const },
    })),
  },
});

type MachineConfig = Parameters<typeof v2Setup.createMachine>[0];
type StateConfig = NonNullable<MachineConfig['states']>[string];

/** `@1` as shipped: `@2` is `@1` with the transitions below added, nothing of it changed. */
const v1 = contactSupportV1.config as MachineConfig;
const v1States = v1.states as Record<string, StateConfig>;

/** A state of `@1` that also takes these transitions. */
function withTransitions(state: string, on: StateConfig['on']): StateConfig {
  return { ...v1States[state], on: { ...v1States[state].on, ...on } };
}

// Before visits start, the period's end closes the case with its own cause, so the court can be told.
const closesAtPeriodEnd = { PERIOD_ENDED: { target: 'closing', actions: 'closeBeforeVisits' } } as const;

/**
 * `contactSupport@2`: no state waits without the law's clock. The period ends in every open state
 * (before visits started the case closes with its own cause, so the court can be told), and a
 * visit held before the end may still be logged while the case closes.
 */
export const contactSupportV2 = v2Setup.createMachine({
  ...v1,
  id: 'contactSupport@2',
  states: {
    ...v1States,
    received: withTransitions('received', closesAtPeriodEnd),
    initiated: withTransitions('initiated', closesAtPeriodEnd),
    supporterAppointed: withTransitions('supporterAppointed', closesAtPeriodEnd),
    startupMeeting: withTransitions('startupMeeting', closesAtPeriodEnd),
    closing: withTransitions('closing', {
      // A visit held before the period ended may be logged late: its report and pay are not lost.
      LOG_VISIT: { guard: 'visitsWereStarted', actions: 'logVisit' },
    }),
  },
});
