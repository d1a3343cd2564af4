import type { Deadline } from './deadline.entity.js';

/** Hands committed pending deadlines to whatever delivers them when due. Never waits, never throws. */
export abstract class DeadlineDispatcher {
  abstract dispatch(deadlines: Deadline[]): void;
}
