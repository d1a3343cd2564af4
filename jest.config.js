/** Jest runs in native ESM mode (npm test sets --experimental-vm-modules) because NestJS 12 is ESM-only. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // Every refusal and alert text a test received, scanned for English once the whole suite has run.
  globalTeardown: '<rootDir>/test/support/read-words-teardown.js',
  // One test file at a time (they share the machine's PostgreSQL and Redis, and the benchmarks' cores),
  // in a worker that is replaced once it holds more than this after a file: each file loads the whole
  // application into a fresh ESM module graph that Jest never fully frees, and one process running
  // every file in turn ran out of heap.
  maxWorkers: 1,
  workerIdleMemoryLimit: '1536MB',
  // The checkout's own cache: runs from other checkouts on the same machine never share transformed files.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};
