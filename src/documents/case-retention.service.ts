import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CaseRetention } from './case-retention.entity.js';
import { DocumentsRepository } from './documents.repository.js';

/** The retention rule: a file is kept RETENTION_YEARS after its last entry (the Social Services Act's rule is five). */
export function disposalDateFor(lastEntryAt: Date, retentionYears: number): string {
  return DateTime.fromJSDate(lastEntryAt, { zone: 'Europe/Stockholm' }).plus({ years: retentionYears }).toISODate()!;
}

@Injectable()
export class CaseRetentionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: DocumentsRepository,
  ) {}

  /**
   * Inside the ARCHIVE transaction: fixes the file's disposal date. Archiving is the file's last
   * entry (nothing may be added after it), so the retention period runs from this moment.
   */
  async recordWithin(manager: EntityManager, caseId: string, archivedAt: Date): Promise<void> {
    await this.documents.insertRetention(
      manager,
      Object.assign(new CaseRetention(), {
        caseId,
        archivedAt,
        lastEntryAt: archivedAt,
        disposalDate: disposalDateFor(archivedAt, this.config.retentionYears),
      }),
    );
  }

  findWithin(manager: EntityManager, caseId: string): Promise<CaseRetention | null> {
    return this.documents.retentionOf(manager, caseId);
  }
}
