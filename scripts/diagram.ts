import { writeFileSync } from 'node:fs';
import { DEFAULT_REMINDER_DELAYS } from '../machines/deadline-rules.js';
import { CURRENT_MACHINE_VERSION, machineFor } from '../machines/registry.js';
import { machineDocument } from '../src/inspector/machine-mermaid.js';
import { routineDocument } from '../src/inspector/routine-document.js';

/** Writes docs/machine.md and docs/routine.md from the current machine (run from the project root: `npm run diagram`). */
const machine = machineFor(CURRENT_MACHINE_VERSION);
const documents = {
  'docs/machine.md': machineDocument(machine, CURRENT_MACHINE_VERSION),
  'docs/routine.md': routineDocument(machine, CURRENT_MACHINE_VERSION, DEFAULT_REMINDER_DELAYS),
};
for (const [target, text] of Object.entries(documents)) {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
