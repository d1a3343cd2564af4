import TestRunner from 'jest-runner';

/** The project whose files run one at a time (see jest.config.js and test/support/README.md). */
const SERIAL_PROJECT = 'app';

/**
 * Jest's own runner, in two lanes that run side by side: the app project's files one at a time in
 * a worker of their own (they start the service on the machine's PostgreSQL and Redis, and some
 * hold timing bounds), every other project's files in the remaining workers. Jest would otherwise
 * run one project's runner after the other's.
 */
export default class LanesRunner {
  supportsEventEmitters = true;
  isSerial = false;

  constructor(globalConfig, context) {
    this.serialLane = new TestRunner({ ...globalConfig, maxWorkers: 1 }, context);
    this.parallelLane = new TestRunner(
      { ...globalConfig, maxWorkers: Math.max(1, globalConfig.maxWorkers - 1) },
      context,
    );
  }

  on(eventName, listener) {
    const unsubscribes = [this.serialLane.on(eventName, listener), this.parallelLane.on(eventName, listener)];
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }

  async runTests(tests, watcher, options) {
    // --runInBand: everything in this process, one file after the other.
    if (options.serial) return this.serialLane.runTests(tests, watcher, options);
    const serial = tests.filter((test) => test.context.config.displayName?.name === SERIAL_PROJECT);
    const parallel = tests.filter((test) => !serial.includes(test));
    await Promise.all(
      [
        [this.serialLane, serial],
        [this.parallelLane, parallel],
      ]
        .filter(([, laneTests]) => laneTests.length > 0)
        .map(([lane, laneTests]) => lane.runTests(laneTests, watcher, options)),
    );
  }
}
