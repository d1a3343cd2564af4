import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { AuditRecord } from './audit-chain.js';
import { AuditTrail } from './audit-trail.service.js';

/** The resource of the entry that counts a subject's further refusals in a minute. */
export const AGGREGATED_REFUSALS = 'REFUSED more in the minute (aggregated)';

const MINUTE_MS = 60_000;
/** How often minutes that have ended are filed, by the wall clock. */
const FLUSH_EVERY_MS = 15_000;

interface OpenMinute {
  minute: number;
  first: AuditRecord;
  more: number;
}

/**
 * Refusals of signed-in users (a role without access, a supporter outside their cases), filed per
 * subject and minute: the first of a minute at once, as it happens, and the rest as one entry with
 * their count once the minute is over. They read nothing, and one entry each would let a single
 * token grow the permanent trail at the rate it can send requests (as unauthenticated requests
 * could, which are only counted: UnauthenticatedRefusals).
 */
@Injectable()
export class SignedInRefusals implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditTrail');
  private readonly open = new Map<string, OpenMinute>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly trail: AuditTrail,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.fileEnded(), FLUSH_EVERY_MS).unref();
  }

  /** Files `record`, a refusal: at once when it is the subject's first this minute, else counted. */
  async refused(record: AuditRecord): Promise<void> {
    const minute = Math.floor(this.clock.now().getTime() / MINUTE_MS);
    const subject = record.actorId ?? '';
    const current = this.open.get(subject);
    if (current?.minute === minute) {
      current.more += 1;
      return;
    }
    // Set before the first is written, so the refusals arriving meanwhile are counted, not filed.
    this.open.set(subject, { minute, first: record, more: 0 });
    if (current) await this.file(current);
    await this.trail.record(record);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    const all = [...this.open.values()];
    this.open.clear();
    for (const minute of all) await this.file(minute);
  }

  /** Files every minute that has ended by the service clock. */
  private async fileEnded(): Promise<void> {
    const now = Math.floor(this.clock.now().getTime() / MINUTE_MS);
    for (const [subject, minute] of [...this.open]) {
      if (minute.minute >= now) continue;
      this.open.delete(subject);
      await this.file(minute);
    }
  }

  /** One entry for the refusals after the first of a minute, with their count; none when there were none. */
  private async file({ minute, first, more }: OpenMinute): Promise<void> {
    if (more === 0) return;
    const record: AuditRecord = {
      ...first,
      caseId: null,
      subject: `refusals:${more} minute:${new Date(minute * MINUTE_MS).toISOString().slice(0, 16)}Z`,
      resource: AGGREGATED_REFUSALS,
      status: 0,
    };
    await this.trail.record(record).catch((error: unknown) => {
      this.logger.error(`${more} refusals of ${first.actorId} could not be filed: ${(error as Error).message}`);
    });
  }
}
