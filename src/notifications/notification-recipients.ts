import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record.entity.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** An address to mail, and the person (token subject) whose choices decide what reaches it. */
export interface Recipient {
  email: string;
  subject: string | null;
}

/**
 * Who is told about a case's alerts, asked inside the alert's transaction. The case's responsible
 * secretary decides (their preferences); the mail goes to NOTIFY_FALLBACK_EMAIL until staff
 * profiles and the unit's details exist. Then the address becomes
 * `profileOf(subject)?.email ?? unit's shared mailbox ?? fallback`, in this one place.
 */
@Injectable()
export class NotificationRecipients {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async forCase(manager: EntityManager, caseId: string): Promise<Recipient[]> {
    const email = this.config.notifications.fallbackEmail;
    if (!email) return [];
    const record = await manager.findOne(CaseRecord, { where: { id: caseId }, select: { id: true, responsibleSecretaryId: true } });
    return [{ email, subject: record?.responsibleSecretaryId ?? null }];
  }
}
