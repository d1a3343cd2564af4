/**
 * Jest runs in native ESM mode (npm test sets --experimental-vm-modules) because NestJS 12 is ESM-only.
 *
 * Every file runs on a rig of its own (a throw-away database, a Redis key prefix of its own, its
 * own ports and temporary folders: test/support/README.md), so files run side by side.
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // A *.test.ts file is one Jest run; a *.spec.ts file is part of the suite that imports it, so
  // that the service's modules load once per suite, not once per file (test/support/README.md).
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testSequencer: '<rootDir>/test/support/suite-sequencer.js',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  // The checkout's own cache: runs from other checkouts on the same machine never share transformed files.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  testTimeout: 30000,
  // Every refusal, alert text and mail a test received, scanned for English once the whole suite has run.
  globalTeardown: '<rootDir>/test/support/read-words-teardown.js',
  // Three files at a time on two cores: a file waiting for a timer, Redis or the browser leaves its
  // core idle. Measured on the whole suite from a cold cache (2026-12-07, once a file no longer
  // hashed a password at start): two files at a time 270 s and 272 s; three 250 s. Before that,
  // on a slower machine: one 704 s; two 444 s; three 460 s; four 508 s.
  maxWorkers: 3,
  // A worker is replaced once it holds more than this after a file: each file loads the whole
  // application into a fresh ESM module graph that Jest never fully frees.
  workerIdleMemoryLimit: '1536MB',
};
