import { V1_GUARD_RULES } from './case-setup.js';
import { contactSupportV2 } from './contact-support-v2.js';

/** The version new cases are registered under. Earlier versions stay in the registry, frozen. */
export const CASE_MACHINE_VERSION = 'contactSupport@2';
export const caseMachine = contactSupportV2;
export type CaseMachine = typeof contactSupportV2;

/** The rule behind each guard, in words a secretary understands (used in 422 answers). */
export const GUARD_RULES = {
  ...V1_GUARD_RULES,
  visitsWereStarted: 'a visit is logged while the case closes only when visits had started before the period ended',
} as const;
export type GuardName = keyof typeof GUARD_RULES;

/** The top-level states, in the order of the routine. */
export const CASE_STATES = Object.keys(caseMachine.root.states);
