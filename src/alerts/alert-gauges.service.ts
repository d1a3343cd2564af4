import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Metrics } from '../metrics/metrics.service.js';
import { AlertsRepository } from './alerts.repository.js';

/** The open alerts, counted from the database when scraped: the same in every process. */
@Injectable()
export class AlertGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsRepository,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge('alerts_open', 'Alerts neither acknowledged nor resolved, by kind', ['kind'], async () => {
      const rows = await this.alerts.openByKind(this.dataSource.manager);
      return rows.map((r) => [{ kind: r.kind }, r.open]);
    });
  }
}
