import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';

/**
 * Requests turned away for want of a valid token, counted per route in memory. They read nothing,
 * and one audit row each would let anyone grow the permanent trail (with case ids of their own
 * choosing) at the rate they can send requests.
 */
@Injectable()
export class UnauthenticatedRefusals {
  private readonly byResource = new Map<string, number>();
  private readonly since: Date;

  constructor(clock: Clock) {
    this.since = clock.now();
  }

  count(resource: string): void {
    this.byResource.set(resource, (this.byResource.get(resource) ?? 0) + 1);
  }

  /** Since this process started: the total and the count per route. */
  summary(): { since: string; total: number; byResource: Record<string, number> } {
    const byResource = Object.fromEntries([...this.byResource].sort(([a], [b]) => a.localeCompare(b)));
    return {
      since: this.since.toISOString(),
      total: Object.values(byResource).reduce((sum, n) => sum + n, 0),
      byResource,
    };
  }
}
