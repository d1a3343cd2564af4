import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { In, LessThan } from 'typeorm';
import { Alert } from '../alerts/alert.entity.js';
import { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import { Clock } from '../common/clock.js';
import { InvalidInputError } from '../common/domain-errors.js';
import { swedishDate } from '../common/swedish-date.js';
import { DisposedCase } from '../disposal/disposed-case.entity.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { Visit } from '../visits/visit.entity.js';
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
  ) {}

  /** The unit's figures for the days from `from` to `to`, both included, Swedish time. */
  figures(from: string | undefined, to: string | undefined): Promise<StatisticsFigures> {
    const period = this.period(from, to);
    return this.transactions.run(async (manager) => {
      const before = LessThan(period.end);
      const history = await manager.find(CaseHistoryEntry, {
        select: { caseId: true, type: true, payload: true, at: true, fromState: true, toState: true },
        where: { type: In(COUNTED_EVENTS), at: before },
      });
      const visits = await manager.find(Visit, {
        select: { caseId: true, occurredAt: true, outcome: true, stopReason: true, supporterId: true },
        where: { occurredAt: before },
      });
      const alerts = await manager.find(Alert, {
        select: { kind: true, raisedAt: true, resolvedAt: true },
        where: { raisedAt: before },
      });
      const disposed = await manager.find(DisposedCase, {
        select: { caseId: true, registeredAt: true, archivedAt: true },
        where: { registeredAt: before },
      });
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
    return {
      from: first,
      to: last,
      start: DateTime.fromISO(first, { zone: ZONE }).toJSDate(),
      end: DateTime.fromISO(last, { zone: ZONE }).plus({ days: 1 }).toJSDate(),
    };
  }
}
