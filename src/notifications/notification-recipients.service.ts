import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesRepository } from '../cases/cases.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { StaffDirectory } from '../organisation/staff-directory.service.js';
import { UnitDirectory } from '../organisation/unit-directory.service.js';

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
    private readonly cases: CasesRepository,
  ) {}

  /** Each case's recipients, asked in a few statements however many cases: alerts raised together are told together. */
  async forCases(manager: EntityManager, caseIds: string[]): Promise<Map<string, Recipient[]>> {
    const secretaries = await this.cases.responsibleSecretaries(manager, caseIds);
    const emails = new Map<string, string | null>();
    for (const subject of new Set(secretaries.values())) {
      if (subject) emails.set(subject, (await this.staff.profileOf(subject, manager))?.email ?? null);
    }
    let mailbox: Promise<string | null> | undefined;
    const recipients = new Map<string, Recipient[]>();
    for (const caseId of caseIds) {
      const subject = secretaries.get(caseId) ?? null;
      const email =
        (subject ? emails.get(subject) : null) ??
        (await (mailbox ??= this.unit.mailboxWithin(manager))) ??
        this.config.notifications.fallbackEmail;
      recipients.set(caseId, email ? [{ email, subject }] : []);
    }
    return recipients;
  }
}
