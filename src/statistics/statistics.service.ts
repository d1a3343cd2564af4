import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { InvalidInputError } from '../common/domain-errors.js';
import { swedishDate } from '../common/swedish-date.js';
import type { DisposedCase } from '../disposal/disposed-case.entity.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { StatisticsRepository } from './statistics.repository.js';
import { statisticsFigures, type Period, type StatisticsFigures } from './statistics-figures.js';
import { said } from '../common/said.js';

const ZONE = 'Europe/Stockholm';

/** The history events the figures read; the rest of a case's history tells them nothing. */
const COUNTED_EVENTS = [
  'REGISTER',
  'APPOINT_SUPPORTER',
  'REPLACE_SUPPORTER',
  'HOLD_STARTUP_MEETING',
  'PERIOD_ENDED',
  'END_EARLY',
  'SUBMIT_EVALUATION',
  'ARCHIVE',
];

/**
 * A disposed case still counts through its anonymous stub: as registered and archived on its own
 * dates. Its other milestones went with its case file.
 */
function stubFacts(stub: Pick<DisposedCase, 'caseId' | 'registeredAt' | 'archivedAt'>) {
  const fact = (type: string, at: Date, fromState: string | null, toState: string) => ({
    caseId: stub.caseId,
    type,
    payload: {},
    at,
    fromState,
    toState,
  });
  return [
    fact('REGISTER', stub.registeredAt, null, 'received'),
    fact('ARCHIVE', stub.archivedAt, 'closing', 'archived'),
  ];
}

@Injectable()
export class StatisticsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly statistics: StatisticsRepository,
  ) {}

  /** The unit's figures for the whole months from `from`'s to `to`'s, both included, Swedish time (see period). */
  figures(from: string | undefined, to: string | undefined): Promise<StatisticsFigures> {
    const period = this.period(from, to);
    return this.transactions.run(async (manager) => {
      const history = await this.statistics.historyBefore(manager, COUNTED_EVENTS, period.end);
      const visits = await this.statistics.visitsBefore(manager, period.end);
      const alerts = await this.statistics.alertsBefore(manager, period.end);
      const disposed = await this.statistics.disposedBefore(manager, period.end);
      const facts = [
        ...history.map((entry) => ({ ...entry, payload: entry.payload as Record<string, unknown> })),
        ...disposed.flatMap(stubFacts),
      ];
      return statisticsFigures({ history: facts, visits, alerts }, period);
    });
  }

  private period(from: string | undefined, to: string | undefined): Period {
    const today = swedishDate(this.clock.now());
    const last = to ?? today;
    const first = from ?? `${last.slice(0, 4)}-01-01`;
    if (first > last)
      throw new InvalidInputError([said('from ska vara samma dag som eller före to.', 'from must be on or before to')]);
    // Widened to whole calendar months, at least STATISTICS_MIN_MONTHS of them (earlier months
    // added): a day's or a week's figures could tell the day and reason of one family's stop.
    const end = DateTime.fromISO(last, { zone: ZONE }).endOf('month').plus({ days: 1 }).startOf('day');
    const asked = DateTime.fromISO(first, { zone: ZONE }).startOf('month');
    const longest = end.minus({ months: this.config.statisticsMinMonths });
    const start = asked < longest ? asked : longest;
    return {
      from: start.toISODate()!,
      to: end.minus({ days: 1 }).toISODate()!,
      start: start.toJSDate(),
      end: end.toJSDate(),
    };
  }
}
