import { CASE_MACHINE_VERSION, caseMachine, type CaseMachine } from './case-machine.js';

/** Every machine version a stored case may have been created with. Old versions stay registered. */
const machines: ReadonlyMap<string, CaseMachine> = new Map([[CASE_MACHINE_VERSION, caseMachine]]);

export const CURRENT_MACHINE_VERSION = CASE_MACHINE_VERSION;

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
