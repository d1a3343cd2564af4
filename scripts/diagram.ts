import { writeFileSync } from 'node:fs';
import { CURRENT_MACHINE_VERSION, machineFor } from '../machines/registry.js';
import { machineDocument } from '../src/inspector/machine-mermaid.js';

/** Writes docs/machine.md from the current machine (run from the project root: `npm run diagram`). */
const target = 'docs/machine.md';
writeFileSync(target, machineDocument(machineFor(CURRENT_MACHINE_VERSION), CURRENT_MACHINE_VERSION));
console.log(`wrote ${target}`);
