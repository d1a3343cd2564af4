import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { CaseTransitions } from '../cases/case-transitions.service.js';

/** Which cases a list shows: those in one state, those one secretary answers for, or both. */
export interface CaseListFilter {
  state?: string;
  responsibleSecretary?: string;
  /** The supporter appointed now: a supporter's own assignments. */
  supporter?: string;
}

/** How long a counted total answers again; changes by this process forget it at once. */
const TOTAL_TTL_MS = 5000;

/**
 * The `total` of case lists, per filter, counted at most once per TTL instead of on every page.
 * This process's own changes clear it at once; another process's show within the TTL.
 */
@Injectable()
export class CaseTotals implements OnModuleDestroy {
  private readonly counted = new Map<string, { total: number; until: number }>();
  private readonly subscription: Subscription;

  constructor(transitions: CaseTransitions) {
    this.subscription = transitions.stream.subscribe(() => this.counted.clear());
  }

  async count(filter: CaseListFilter, countNow: () => Promise<number>): Promise<number> {
    const key = `${filter.state ?? ''}|${filter.responsibleSecretary ?? ''}|${filter.supporter ?? ''}`;
    const known = this.counted.get(key);
    if (known && known.until > Date.now()) return known.total;
    const total = await countNow();
    this.counted.set(key, { total, until: Date.now() + TOTAL_TTL_MS });
    return total;
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }
}
