/** Jest runs in native ESM mode (npm test sets --experimental-vm-modules) because NestJS 12 is ESM-only. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // The checkout's own cache: runs from other checkouts on the same machine never share transformed files.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};
