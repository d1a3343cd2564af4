import { writeFileSync } from 'node:fs';
import { DEFAULT_REMINDER_DELAYS } from '../machines/deadline-rules.js';
import { CURRENT_MACHINE_VERSION, machineFor } from '../machines/registry.js';
import { composeEnvironment, configurationDocument } from '../src/config/configuration-document.js';
import { COMPOSE_SETTINGS } from '../src/config/compose-settings.js';
import { VARIABLES } from '../src/config/variables.js';
import { machineDocument } from '../src/inspector/machine-mermaid.js';
import { routineDocument } from '../src/inspector/routine-document.js';

/** Writes the generated documents in docs/ (run from the project root: `npm run docs`); tests compare them with the code. */
const machine = machineFor(CURRENT_MACHINE_VERSION);
const documents = {
  'docs/machine.md': machineDocument(machine, CURRENT_MACHINE_VERSION),
  'docs/routine.md': routineDocument(machine, CURRENT_MACHINE_VERSION, DEFAULT_REMINDER_DELAYS),
  'docs/configuration.md': configurationDocument(VARIABLES),
  '.env.example': composeEnvironment(VARIABLES, COMPOSE_SETTINGS),
};
for (const [target, text] of Object.entries(documents)) {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
