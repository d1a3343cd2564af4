import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { createMachine, type EventObject, type MachineConfig, type MachineContext } from 'xstate';
import { CURRENT_MACHINE_VERSION, machineFor } from '../../machines/registry.js';
import { machineGraph } from '../../src/inspector/machine-graph.js';
import { machineDocument, mermaidStateDiagram } from '../../src/inspector/machine-mermaid.js';

const machine = machineFor(CURRENT_MACHINE_VERSION);

describe('the machine diagram in the docs', () => {
  it('matches the machine: run `npm run diagram` after changing it', () => {
    const committed = readFileSync('docs/machine.md', 'utf8');
    expect(committed).toBe(machineDocument(machine, CURRENT_MACHINE_VERSION));
  });

  it('draws nested states inside their parent and labels transitions with event and guard', () => {
    const diagram = mermaidStateDiagram(machineGraph(machine));
    expect(diagram).toMatch(
      /state startupMeeting \{\n\s+\[\*\] --> startupMeeting_summoned\n\s+state "summoned" as startupMeeting_summoned/,
    );
    expect(diagram).toContain('startupMeeting --> activeVisits: START_VISITS [startupMeetingCompleted]');
    expect(diagram).toContain('activeVisits --> activeVisits: LOG_VISIT');
    expect(diagram).toContain('archived --> [*]');
  });

  it('no longer matches once a state is added to the machine', () => {
    const config = machine.config as MachineConfig<MachineContext, EventObject>;
    const changed = createMachine({
      ...config,
      states: { ...config.states, paused: { on: { RESUME: 'activeVisits' } } },
    });
    const document = machineDocument(changed, CURRENT_MACHINE_VERSION);
    expect(document).toContain('paused --> activeVisits: RESUME');
    expect(document).not.toBe(readFileSync('docs/machine.md', 'utf8'));
  });
});
