import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { SupportersRepository } from '../supporters/supporters.repository.js';
import { VisitsRepository } from '../visits/visits.repository.js';
import { COMPENSATED_OUTCOMES, compensationOre, sekOf } from './compensation-rules.js';

export interface CompensationLine {
  supporterId: string;
  name: string;
  month: string;
  visits: number;
  minutes: number;
  hours: string;
  amountSek: string;
}

@Injectable()
export class CompensationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly visits: VisitsRepository,
    private readonly supporters: SupportersRepository,
  ) {}

  /**
   * Each supporter's visits, hours and pay in a month (Swedish time), from the visits logged on their
   * cases; with `onlySupporter`, that one supporter's line alone.
   */
  async forMonth(month: string, onlySupporter?: string) {
    const from = DateTime.fromISO(`${month}-01`, { zone: 'Europe/Stockholm' });
    const { visits, supporters } = await this.transactions.run(async (manager) => {
      const visits = await this.visits.compensable(
        manager,
        COMPENSATED_OUTCOMES,
        from.toJSDate(),
        from.plus({ months: 1 }).toJSDate(),
      );
      const ids = [...new Set(visits.map((v) => v.supporterId!))].filter(
        (id) => onlySupporter === undefined || id === onlySupporter,
      );
      return { visits, supporters: await this.supporters.byIds(manager, ids) };
    });
    const { compensation } = this.config;
    const lines: CompensationLine[] = supporters
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
    return {
      month,
      currency: 'SEK',
      rates: { perHour: sekOf(compensation.ratePerHourOre), perVisit: sekOf(compensation.ratePerVisitOre) },
      items: lines,
      total: lines.length,
    };
  }
}
