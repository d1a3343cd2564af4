import { Clock } from '../../src/common/clock.js';

/**
 * The day the fixed dates of the test data (judgments of November 2026) are read on, for a suite
 * whose cases would otherwise age with the real calendar: a year on, their periods have ended and
 * the period's deadlines would act on them in the middle of a test.
 */
export const TEST_DAY = '2026-12-14T10:00:00+01:00';

/** A clock the test sets: a case's period can lie in the past without waiting a year. */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock so that now() is `instant`; time goes on running from there. */
  setNow(instant: string | Date): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
