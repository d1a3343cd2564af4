import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { createMachine, type EventObject, type MachineConfig, type MachineContext } from 'xstate';
import { DEFAULT_REMINDER_DELAYS } from '../../machines/deadline-rules.js';
import { CURRENT_MACHINE_VERSION, machineFor } from '../../machines/registry.js';
import { machineGraph } from '../../src/inspector/machine-graph.js';
import { machineDocument, mermaidStateDiagram } from '../../src/inspector/machine-mermaid.js';
import { routineDocument } from '../../src/inspector/routine-document.js';

const machine = machineFor(CURRENT_MACHINE_VERSION);

describe('the machine diagram in the docs', () => {
  it('matches the machine: run `npm run docs` after changing it', () => {
    const committed = readFileSync('docs/machine.md', 'utf8');
    expect(committed).toBe(machineDocument(machine, CURRENT_MACHINE_VERSION));
  });

  it('draws nested states inside their parent and labels transitions with event and guard', () => {
    const diagram = mermaidStateDiagram(machineGraph(machine));
    expect(diagram).toMatch(
      /state startupMeeting \{\n\s+\[\*\] --> startupMeeting_summoned\n\s+state "summoned" as startupMeeting_summoned/,
    );
    expect(diagram).toContain('startupMeeting --> activeVisits: START_VISITS [startupMeetingsCompleted]');
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

describe('the routine in the docs', () => {
  const routine = () => routineDocument(machine, CURRENT_MACHINE_VERSION, DEFAULT_REMINDER_DELAYS);

  it('matches the machine, its rules and its deadlines: run `npm run docs` after changing them', () => {
    expect(readFileSync('docs/routine.md', 'utf8')).toBe(routine());
  });

  it("says each event's rule in words and each state's deadlines with their days", () => {
    expect(routine()).toContain(
      '| `START_VISITS` | `activeVisits` | visits start only after the start-up meeting, or each parent’s individual meeting, was held with the enrollment form signed and the rules accepted (`startupMeetingsCompleted`) |',
    );
    expect(routine()).toContain('- `summonsNotSent`: 7 days after the supporter was appointed, reminds the secretary');
    const changed = routineDocument(machine, CURRENT_MACHINE_VERSION, {
      ...DEFAULT_REMINDER_DELAYS,
      summonsNotSent: 9,
    });
    expect(changed).toContain('- `summonsNotSent`: 9 days after the supporter was appointed');
  });

  it('refuses to describe a state nobody has put in words', () => {
    const config = machine.config as MachineConfig<MachineContext, EventObject>;
    const changed = createMachine({ ...config, states: { ...config.states, paused: {} } });
    expect(() => routineDocument(changed, CURRENT_MACHINE_VERSION, DEFAULT_REMINDER_DELAYS)).toThrow(
      'state paused has no meaning',
    );
  });
});
