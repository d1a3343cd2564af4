import { TestRig, type TestApp, type TestRigOptions } from './test-rig.js';
import type { TestDatabase } from './test-database.js';

export { contractCheckedClients, TestRig, type TestApp, type TestUser } from './test-rig.js';
export { ThrowAwayDatabase, type TestDatabase } from './test-database.js';

/**
 * Both databases the service supports, for the suites that run on both: those about the SQL
 * dialect, locking or concurrency (see test/support/README.md); the others run on one.
 */
export const DATABASES: TestDatabase[] = ['sqlite', 'postgres'];

export type TestAppOptions = TestRigOptions;

/**
 * The real service, as `npm start` builds it, alone on a rig of its own (a throw-away database, a
 * private Redis key prefix, the test's clock). Close it in afterAll: that disposes of the rig.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const rig = await TestRig.create(options);
  try {
    const app = await rig.startService();
    return { ...app, close: () => rig.dispose() };
  } catch (error) {
    await rig.dispose();
    throw error;
  }
}
