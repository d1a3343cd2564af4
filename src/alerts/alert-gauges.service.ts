import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Metrics } from '../metrics/metrics.service.js';
import { Alert } from './alert.entity.js';

/** The open alerts, counted from the database when scraped: the same in every process. */
@Injectable()
export class AlertGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge('alerts_open', 'Alerts neither acknowledged nor resolved, by kind', ['kind'], async () => {
      const rows = await this.dataSource
        .getRepository(Alert)
        .createQueryBuilder('a')
        .select('a.kind', 'kind')
        .addSelect('COUNT(*)', 'open')
        .where('a.resolvedAt IS NULL AND a.acknowledgedAt IS NULL')
        .groupBy('a.kind')
        .getRawMany<{ kind: string; open: string | number }>();
      return rows.map((r) => [{ kind: r.kind }, Number(r.open)]);
    });
  }
}
