import { Clock } from '../../src/common/clock.js';

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
