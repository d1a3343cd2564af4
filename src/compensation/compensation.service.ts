import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { SupportersRepository } from '../supporters/supporters.repository.js';
import { VisitsRepository } from '../visits/visits.repository.js';
import { COMPENSATED_OUTCOMES, compensationOre, sekOf } from './compensation-rules.js';
import { CompensationExportsRepository, type PaidVisit } from './compensation-exports.repository.js';

export interface CompensationLine {
  supporterId: string;
  name: string;
  month: string;
  visits: number;
  minutes: number;
  hours: string;
  amountSek: string;
}

/** A line of a payroll export: its visits include those of earlier months logged after those were exported. */
export interface ExportedLine extends CompensationLine {
  /** Of `visits`, how many took place in an earlier month. */
  fromEarlierMonths: number;
}

const monthStart = (month: string) => DateTime.fromISO(`${month}-01`, { zone: 'Europe/Stockholm' });

@Injectable()
export class CompensationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly visits: VisitsRepository,
    private readonly supporters: SupportersRepository,
    private readonly exports: CompensationExportsRepository,
  ) {}

  /**
   * Each supporter's visits, hours and pay in a month (Swedish time), from the visits logged on their
   * cases; with `onlySupporter`, that one supporter's line alone.
   */
  async forMonth(month: string, onlySupporter?: string) {
    const from = monthStart(month);
    const lines = await this.transactions.run(async (manager) => {
      const visits = await this.visits.compensable(
        manager,
        COMPENSATED_OUTCOMES,
        from.toJSDate(),
        from.plus({ months: 1 }).toJSDate(),
      );
      return this.linesOf(
        manager,
        month,
        visits.filter((v) => onlySupporter === undefined || v.supporterId === onlySupporter),
      );
    });
    const { compensation } = this.config;
    return {
      month,
      currency: 'SEK',
      rates: { perHour: sekOf(compensation.ratePerHourOre), perVisit: sekOf(compensation.ratePerVisitOre) },
      items: lines,
      total: lines.length,
    };
  }

  /**
   * The month's export to the payroll office. Made once, in one transaction: it pays every visit
   * that took place by the month's end and that no export has paid, a visit of an earlier month
   * logged after that month's export included. Exporting the month again gives the same lines.
   */
  exportMonth(month: string, actor: Actor): Promise<ExportedLine[]> {
    const from = monthStart(month).toJSDate();
    return this.transactions.run(async (manager) => {
      const run = { id: randomUUID(), month, exportedAt: this.clock.now(), exportedBy: actor.id };
      let paid: PaidVisit[];
      if (await this.exports.claim(manager, run)) {
        const until = monthStart(month).plus({ months: 1 }).toJSDate();
        paid = await this.exports.unpaidBefore(manager, COMPENSATED_OUTCOMES, until);
        await this.exports.recordPaid(
          manager,
          run.id,
          paid.map((v) => v.id),
        );
      } else {
        paid = await this.exports.paidBy(manager, (await this.exports.exportOf(manager, month))!.id);
      }
      const lines = await this.linesOf(manager, month, paid);
      return lines.map((line) => ({
        ...line,
        fromEarlierMonths: paid.filter((v) => v.supporterId === line.supporterId && v.occurredAt < from).length,
      }));
    });
  }

  /** One line per supporter of these visits, priced at the configured rates, in name order. */
  private async linesOf(
    manager: EntityManager,
    month: string,
    visits: Pick<PaidVisit, 'supporterId' | 'durationMinutes'>[],
  ): Promise<CompensationLine[]> {
    const supporters = await this.supporters.byIds(manager, [...new Set(visits.map((v) => v.supporterId!))]);
    const { compensation } = this.config;
    return supporters
      .map((supporter) => {
        const theirs = visits.filter((v) => v.supporterId === supporter.id);
        const minutes = theirs.reduce((sum, v) => sum + v.durationMinutes, 0);
        return {
          supporterId: supporter.id,
          name: supporter.name,
          month,
          visits: theirs.length,
          minutes,
          hours: (minutes / 60).toFixed(2),
          amountSek: sekOf(compensationOre(theirs.length, minutes, compensation)),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.supporterId.localeCompare(b.supporterId));
  }
}
