import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { BackupFreshness } from '../backup/backup-freshness.js';

/** Down while BACKUP_MAX_AGE_HOURS is set and the last backup is older, or none was taken. */
@Injectable()
export class BackupHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly freshness: BackupFreshness,
  ) {}

  async check(key: string) {
    const check = this.indicators.check(key);
    const problem = await this.freshness.staleBecause();
    return problem ? check.down({ message: problem }) : check.up();
  }
}
