export * from './case-context.js';
export * from './case-events.js';
export * from './case-machine.js';
export * from './case-decisions.js';
export * from './deadline-rules.js';
export * from './period.js';
export * from './registry.js';
