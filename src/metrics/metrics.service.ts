import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What a refused or failed event is counted as; an applied one is counted from the committed transition. */
export type EventOutcome = 'applied' | 'notAllowed' | 'stale' | 'ruleBroken' | 'notFound' | 'invalid' | 'failed';

/** How one delivery of a deadline ended (DeadlineActions' outcomes). */
export type DeadlineDelivery = 'fired' | 'cancelled' | 'skipped' | 'notYetDue';

/** Lag buckets from 10 ms to 10 minutes: on time is well under a second, a Redis outage shows as minutes. */
const LAG_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 600];

/**
 * The process's Prometheus instruments, in a registry of its own (not prom-client's global one),
 * so two applications in one process, as in the tests, never count into each other. Features
 * call the few methods below; figures read from the database or Redis are gauges whose values
 * are taken at scrape time (see DeadlineGauges, AlertGauges).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly events = new Counter({
    name: 'case_events_total',
    help: 'Events sent to cases by event type and outcome (applied, or why refused); counted by the process that handled them',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly deliveries = new Counter({
    name: 'deadline_deliveries_total',
    help: 'Deliveries of due deadlines by this process, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly lag = new Histogram({
    name: 'deadline_lag_seconds',
    help: 'From when a deadline fell due to when it was acted on, by the service clock',
    buckets: LAG_BUCKETS,
    registers: [this.registry],
  });

  private readonly audit = new Counter({
    name: 'audit_appends_total',
    help: 'Entries appended to the audit trail by this process, by whether the call was allowed',
    labelNames: ['allowed'] as const,
    registers: [this.registry],
  });

  private readonly auditHaltedGauge = new Gauge({
    name: 'audit_trail_halted',
    help: "1 while this process refuses audit appends because the trail's end is behind its exported head (entries were cut), else 0",
    registers: [this.registry],
  });

  constructor() {
    this.auditHaltedGauge.set(0);
    collectDefaultMetrics({ register: this.registry });
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  event(type: string, outcome: EventOutcome): void {
    this.events.inc({ type, outcome });
  }

  deadlineDelivered(outcome: DeadlineDelivery, lagMs?: number): void {
    this.deliveries.inc({ outcome });
    if (lagMs !== undefined) this.lag.observe(Math.max(0, lagMs) / 1000);
  }

  auditAppended(allowed: boolean): void {
    this.audit.inc({ allowed: String(allowed) });
  }

  auditHalted(halted: boolean): void {
    this.auditHaltedGauge.set(halted ? 1 : 0);
  }

  /** A gauge whose value is read when scraped; a read that fails leaves it out of that scrape. */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: () => Promise<[Partial<Record<L, string>>, number][]>,
  ): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [labels, value] of await read().catch(() => [])) this.set(labels, value);
      },
    });
  }

  async render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
