/**
 * Jest runs in native ESM mode (npm test sets --experimental-vm-modules) because NestJS 12 is ESM-only.
 *
 * Two projects (which file goes where: test/support/README.md). `pure` holds the files that start
 * no service and reach no database or Redis (the machines, the rules, the letters' text, static
 * checks): they run in parallel. `app` holds the rest, one file at a time, beside the pure ones.
 */
const PURE = [
  '**/test/machine/**/*.test.ts',
  '**/test/architecture/**/*.test.ts',
  '**/test/config/**/*.test.ts',
  '**/test/contract/api-contract.test.ts',
  '**/test/inspector/machine-diagram.test.ts',
  '**/test/auth/personnummer-protector.test.ts',
  '**/test/auth/rate-limit.test.ts',
  '**/test/api/validation-words.test.ts',
  '**/test/security/audit-head-file.test.ts',
];

const project = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  runner: '<rootDir>/test/support/lanes-runner.js',
  // The checkout's own cache: runs from other checkouts on the same machine never share transformed files.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};

export default {
  projects: [
    { ...project, displayName: 'pure', testMatch: PURE },
    {
      ...project,
      displayName: 'app',
      testMatch: ['**/test/**/*.test.ts', ...PURE.map((glob) => `!${glob}`)],
    },
  ],
  testTimeout: 30000,
  // Every refusal, alert text and mail a test received, scanned for English once the whole suite has run.
  globalTeardown: '<rootDir>/test/support/read-words-teardown.js',
  // Two workers: the app lane's and the pure lane's. A worker is replaced once it holds more than
  // this after a file: each file loads the whole application into a fresh ESM module graph that
  // Jest never fully frees, and one process running every file in turn ran out of heap.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1536MB',
};
