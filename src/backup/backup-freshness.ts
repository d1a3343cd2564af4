import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Metrics } from '../metrics/metrics.service.js';
import { lastBackupTaken } from './backup-status.js';

/**
 * Whether the embedded database's backups are fresh, when BACKUP_MAX_AGE_HOURS asks it to be
 * watched: a backup timer that stopped firing is found by the health page and by Prometheus
 * (`backup_stale`, `backup_age_seconds`), not on the day a restore is needed.
 */
@Injectable()
export class BackupFreshness implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  get watched(): boolean {
    return this.config.backup.maxAgeHours !== undefined && this.config.database.type === 'sqlite';
  }

  /** Seconds since the last backup was taken; none when none was. */
  async ageSeconds(): Promise<number | undefined> {
    const taken = await lastBackupTaken(this.config.dataDir);
    return taken ? (this.clock.now().getTime() - Date.parse(taken.takenAt)) / 1000 : undefined;
  }

  /** Why the backups are not fresh, in words an operator acts on; none while they are (or are not watched). */
  async staleBecause(): Promise<string | undefined> {
    if (!this.watched) return undefined;
    const maxAgeHours = this.config.backup.maxAgeHours!;
    const age = await this.ageSeconds();
    if (age === undefined) return 'no backup has been taken (npm run backup)';
    if (age > maxAgeHours * 3600)
      return `the last backup is ${Math.floor(age / 3600)} hours old, more than BACKUP_MAX_AGE_HOURS (${maxAgeHours})`;
    return undefined;
  }

  onModuleInit(): void {
    if (!this.watched) return;
    this.metrics.gauge('backup_age_seconds', 'Seconds since the last backup of the embedded database', [], async () => {
      const age = await this.ageSeconds();
      return age === undefined ? [] : [[{}, age]];
    });
    this.metrics.gauge(
      'backup_stale',
      '1 while the last backup is older than BACKUP_MAX_AGE_HOURS, or none was taken',
      [],
      async () => [[{}, (await this.staleBecause()) ? 1 : 0]],
    );
  }
}
