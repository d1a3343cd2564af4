import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { send, registerSupporter, stepsTo } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import type { TestApp } from '../support/test-app.js';
import { keepMailWords } from '../support/read-words.js';

export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  raw: string;
}

export async function parseMail(raw: string, to: string[] = []): Promise<ReceivedMail> {
  const parsed = await PostalMime.parse(raw);
  return { to, messageId: parsed.messageId ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '', raw };
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. It can be stopped and started
 * again on the same port (the mail server going away and coming back).
 */
export class TestMailServer {
  readonly received: ReceivedMail[] = [];
  /** Addresses the server refuses for good (550), as for a mailbox that does not exist. */
  readonly refused = new Set<string>();
  /** Runs once a mail has arrived whole, before the server answers it: a test can hold the answer here. */
  beforeAnswer?: (mail: ReceivedMail) => Promise<void> | void;
  private server?: SMTPServer;
  private port = 0;

  /** Every mail any server of the test file received, for the file's scan for personal data. */
  static readonly everyMail: ReceivedMail[] = [];

  static async start(): Promise<TestMailServer> {
    const server = new TestMailServer();
    await server.listen();
    return server;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 100,
      onRcptTo: (address, _session, answer) => {
        if (!this.refused.has(address.address)) return answer();
        answer(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
      },
      onData: (stream, session, answer) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          void (async () => {
            const mail = await parseMail(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((r) => r.address),
            );
            this.received.push(mail);
            TestMailServer.everyMail.push(mail);
            keepMailWords(mail.subject, mail.text);
            await this.beforeAnswer?.(mail);
            answer();
          })();
        });
      },
    });
    // A client that dies mid-conversation is the point of some tests, not a failure of the server.
    server.on('error', () => undefined);
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }
}

/** Names no mail may hold, given to every party of the cases these tests register. */
export const PARTY_NAMES = { child: 'Tindra Ekholm', resident: 'Sigrid Ekholm', visiting: 'Ragnar Ekholm' };

/** Every personnummer registered by this test file, for the scan. */
export const registeredPersonnummer: string[] = [];

/**
 * A case registered by the secretary `sub` (who answers for it) and moved to `target`, its
 * diary number `diaryNumber`.
 */
export async function caseOf(t: TestApp, sub: string, diaryNumber: string, target = 'activeVisits'): Promise<string> {
  const supporterId = await registerSupporter(t);
  const judgment = aJudgment({
    children: [{ name: PARTY_NAMES.child, personnummer: aJudgment().children[0].personnummer }],
  });
  judgment.residentParent.name = PARTY_NAMES.resident;
  judgment.visitingParent.name = PARTY_NAMES.visiting;
  registeredPersonnummer.push(
    judgment.children[0].personnummer,
    judgment.residentParent.personnummer,
    judgment.visitingParent.personnummer,
  );
  const secretary = t.as('secretary', { sub });
  const caseId = (await secretary.post('/cases').send(judgment).expect(201)).body.id as string;
  if (target === 'received') return caseId;
  for (const event of stepsTo(target, supporterId))
    await send(t, caseId, event.type === 'INITIATE' ? { ...event, diaryNumber } : event);
  return caseId;
}

/** What a supporter writes in a stopped visit: the reason and the notes must never reach a mail. */
export const STOPPED_VISIT = {
  type: 'LOG_VISIT',
  occurredAt: '2026-11-27T10:00:00+01:00',
  durationMinutes: 40,
  outcome: 'stopped',
  stopReason: 'visitingParentIntoxicated',
  notes: 'Pappan luktade alkohol vid hämtningen',
};

export interface MailBody {
  id: string;
  type: string;
  status: string;
  recipientEmail: string;
  attempts: number;
  lastError: string | null;
  digestDay: string | null;
  alerts: { caseId: string; kind: string }[];
}

export async function outbox(
  t: TestApp,
  query = '',
): Promise<{ items: MailBody[]; total: number; counts: Record<string, number> }> {
  return (await t.as('administrator').get(`/notifications?${query}`).expect(200)).body;
}
