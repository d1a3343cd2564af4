import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { appointmentsOf } from '../cases/appointment-history.js';
import { currentAppointmentSince } from '../cases/case-reach.js';
import { CasesRepository } from '../cases/cases.repository.js';
import type { SupporterReach } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';

/**
 * Which cases a supporter may reach, until the case is archived: the one they are appointed to
 * now (from their appointment on), and, for REPORT_GRACE_DAYS after they were replaced, the one
 * they left, for reporting on the visits they held there.
 */
@Injectable()
export class CaseAccess {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
  ) {}

  reachOf(caseId: string, supporterId: string | undefined): Promise<SupporterReach | null> {
    if (!supporterId) return Promise.resolve(null);
    return this.transactions.run(async (manager) => {
      const record = await this.cases.reachFacts(manager, caseId);
      if (!record || record.state === 'archived') return null;
      const since = currentAppointmentSince(record, supporterId);
      if (since) return { kind: 'current', since };
      const appointments = (await appointmentsOf(manager, caseId)).filter((a) => a.supporterId === supporterId);
      const latest = appointments.at(-1);
      if (!latest) return null;
      const until = DateTime.fromISO(latest.replacedAt!).plus({ days: this.config.reportGraceDays });
      return until.toMillis() > this.clock.now().getTime() ? { kind: 'outgoing', until: until.toUTC().toISO()! } : null;
    });
  }
}
