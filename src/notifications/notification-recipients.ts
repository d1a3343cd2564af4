import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record.entity.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { StaffDirectory } from '../staff/staff-directory.js';
import { UnitDirectory } from '../unit/unit-directory.js';

/** An address to mail, and the person (token subject) whose choices decide what reaches it. */
export interface Recipient {
  email: string;
  subject: string | null;
}

/**
 * Who is told about a case's alerts, asked inside the alert's transaction: the case's responsible
 * secretary at the e-mail of their staff profile; where they have none, the unit's shared mailbox;
 * where the unit has none either, NOTIFY_FALLBACK_EMAIL. The responsible secretary's preferences
 * decide what reaches the address, whichever it is.
 */
@Injectable()
export class NotificationRecipients {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly staff: StaffDirectory,
    private readonly unit: UnitDirectory,
  ) {}

  async forCase(manager: EntityManager, caseId: string): Promise<Recipient[]> {
    const record = await manager.findOne(CaseRecord, { where: { id: caseId }, select: { id: true, responsibleSecretaryId: true } });
    const subject = record?.responsibleSecretaryId ?? null;
    const profile = subject ? await this.staff.profileOf(subject, manager) : null;
    const email = profile?.email ?? (await this.unit.mailboxWithin(manager)) ?? this.config.notifications.fallbackEmail;
    return email ? [{ email, subject }] : [];
  }
}
