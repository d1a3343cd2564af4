import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { MailContent } from './mail-content.js';

export interface OutgoingMail extends MailContent {
  id: string;
  to: string;
}

/** A mail server's answer that no retry will change (5xx): the mail is marked failed, not retried. */
export function refusedForGood(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends through SMTP_URL; without one (the embedded default) writes each mail to
 * `<DATA_DIR>/outbox/<id>.eml`, named by its outbox row so a retry replaces rather than adds.
 * Every mail carries a Message-ID derived from its row: a retry after an unclear failure shows
 * in the recipient's client as the same mail.
 */
/** Where mail is written as `<mail id>.eml` when no SMTP server is configured; none when one is. */
export function outboxDirOf(config: AppConfig): string | undefined {
  return config.notifications.smtpUrl ? undefined : join(config.dataDir, 'outbox');
}

@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private readonly transporter: Transporter;
  private readonly outboxDir?: string;
  private readonly messageIdDomain: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { smtpUrl, mailFrom } = config.notifications;
    this.messageIdDomain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'umgangesstod.invalid';
    if (smtpUrl) {
      // Short timeouts: a mail server that hangs must not hold a worker slot for minutes.
      this.transporter = nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
    } else {
      this.outboxDir = outboxDirOf(config);
      this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.logger.log(`No SMTP_URL: mail is written to ${this.outboxDir} as .eml files`);
    }
  }

  messageId(mailId: string): string {
    return `<notification-${mailId}@${this.messageIdDomain}>`;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail({
      from: this.config.notifications.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: this.messageId(mail.id),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    if (!this.outboxDir) return;
    await mkdir(this.outboxDir, { recursive: true, mode: 0o700 });
    const file = join(this.outboxDir, `${mail.id}.eml`);
    // Written whole under another name first: a reader of the folder never sees half a mail. Its
    // owner's alone, whatever the umask: a mail names cases and people.
    await writeFile(`${file}.part`, info.message as Buffer, { mode: 0o600 });
    await rename(`${file}.part`, file);
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
