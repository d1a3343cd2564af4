import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditRecord } from './audit-chain.js';
import { AuditTrail } from './audit-trail.service.js';
import type { AuditedSubject } from './audited.decorator.js';

/**
 * A request's entry while its handler runs: written by the case command it calls (`byCommand`,
 * `written` once that committed), or told what the answer shows (`shown`).
 */
export class PendingAuditEntry {
  written = false;
  shown: AuditedSubject[] | undefined;
  constructor(
    readonly record: AuditRecord,
    readonly byCommand: boolean,
  ) {}
}

/**
 * The audit entry of the request being handled (routes marked @AuditedByCommand), kept for the
 * case command it calls: the command appends it inside its own transaction, so a change is never
 * committed without its entry, nor its entry without the change, and one commit carries both.
 */
@Injectable()
export class RequestAudit {
  private readonly pending = new AsyncLocalStorage<PendingAuditEntry>();

  constructor(private readonly trail: AuditTrail) {}

  /** Runs the route's handler, and all it awaits, with `entry` pending. */
  run<T>(entry: PendingAuditEntry, handler: () => T): T {
    return this.pending.run(entry, handler);
  }

  /** What the answer being built shows, item by item, one entry each (routes marked `shownToldByHandler`). */
  show(subjects: AuditedSubject[]): void {
    const entry = this.pending.getStore();
    if (entry) entry.shown = subjects;
  }

  /**
   * Inside a command's transaction: appends the request's entry, filed under `caseId` where the
   * route did not name the case (a registration). Returns what to do once it committed, or
   * nothing when there is no request (a deadline) or its entry is written already.
   */
  async appendWithin(manager: EntityManager, caseId: string): Promise<(() => Promise<void>) | undefined> {
    const entry = this.pending.getStore();
    if (!entry || !entry.byCommand || entry.written) return undefined;
    const record = { ...entry.record, caseId: entry.record.caseId ?? caseId };
    const head = await this.trail.appendWithin(manager, [record]);
    return async () => {
      entry.written = true;
      await this.trail.committed(head, [record]);
    };
  }
}
