import { CASE_MACHINE_VERSION, caseMachine, type CaseMachine } from './case-machine.js';
import { contactSupportV1 } from './contact-support-v1.js';

/**
 * Every machine version a stored case may have been created with. Old versions stay registered:
 * archived cases keep theirs for good. Every version shares the same context and events, so one
 * type serves them all (a later version only adds guards and actions).
 */
const machines: ReadonlyMap<string, CaseMachine> = new Map([
  ['contactSupport@1', contactSupportV1 as unknown as CaseMachine],
  [CASE_MACHINE_VERSION, caseMachine],
]);

export const CURRENT_MACHINE_VERSION = CASE_MACHINE_VERSION;
export const MACHINE_VERSIONS = [...machines.keys()];

export class UnknownMachineVersionError extends Error {
  constructor(readonly version: string) {
    super(`no case machine is registered as version "${version}"`);
  }
}

export function machineFor(version: string): CaseMachine {
  const machine = machines.get(version);
  if (!machine) throw new UnknownMachineVersionError(version);
  return machine;
}
