import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { Metrics } from '../metrics/metrics.service.js';
import { CaseTransitions } from './case-transitions.service.js';

/** Counts every event this process applied to a case (requests and deadlines alike) as it commits. */
@Injectable()
export class TransitionCounter implements OnModuleInit, OnModuleDestroy {
  private subscription?: Subscription;

  constructor(
    private readonly transitions: CaseTransitions,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.subscription = this.transitions.stream.subscribe((t) => this.metrics.event(t.eventType, 'applied'));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
