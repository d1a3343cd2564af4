import { CASE_MACHINE_VERSION, caseMachine, type CaseMachine } from './case-machine.js';
import { contactSupportV1 } from './contact-support-v1/machine.js';
import { contactSupportV2 } from './contact-support-v2/machine.js';

/**
 * Every machine version a stored case may have been created with. Old versions stay registered:
 * archived cases keep theirs for good. The key is what a stored case names in its `machineVersion`
 * and equals the machine's id. Every version shares the same context and events, so one type
 * serves them all (a later version only adds states, transitions, guards, actions and optional context).
 */
const machines: ReadonlyMap<string, CaseMachine> = new Map(
  [contactSupportV1 as unknown as CaseMachine, contactSupportV2 as unknown as CaseMachine, caseMachine].map(
    (machine) => [machine.id, machine],
  ),
);

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
