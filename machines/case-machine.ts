import { contactSupportV3 } from './contact-support-v3/machine.js';

/**
 * The version new cases are registered under. Earlier versions stay in the registry, frozen; a new
 * version is a new folder beside them (docs/machine-versions.md).
 */
export const CASE_MACHINE_VERSION = 'contactSupport@3';
export const caseMachine = contactSupportV3;
export type CaseMachine = typeof contactSupportV3;

/** The top-level states, in the order of the routine. */
export const CASE_STATES = Object.keys(caseMachine.root.states);
