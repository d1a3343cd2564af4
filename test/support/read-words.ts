import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Response, Test } from 'supertest';

/**
 * Everything a person reads in an answer, kept from every request of the whole test suite: the
 * message of every refusal and the text and detail of every alert, one JSON line per text, each
 * worker in its own file; and every mail the test mail server received. test/support/read-words-teardown.js scans them once the suite is done.
 */
export const READ_WORDS_DIR = resolve(process.cwd(), 'test/artifacts/read-words');

type Body = { message?: unknown; items?: unknown };

function textsIn(res: Response): string[] {
  const body = res.body as Body | undefined;
  if (!body || typeof body !== 'object') return [];
  const texts: string[] = [];
  if (res.status >= 400) {
    const message = body.message;
    texts.push(...(Array.isArray(message) ? message : [message]).filter((m): m is string => typeof m === 'string'));
  }
  if (Array.isArray(body.items)) {
    for (const item of body.items as Record<string, unknown>[]) {
      // An alert: what the secretary reads, and its detail.
      if (typeof item?.kind === 'string' && typeof item.message === 'string' && 'raisedAt' in item) {
        texts.push(item.message, ...(typeof item.detail === 'string' ? [item.detail] : []));
      }
    }
  }
  return texts;
}

function keep(route: string, status: number, texts: string[]): void {
  mkdirSync(READ_WORDS_DIR, { recursive: true });
  appendFileSync(
    join(READ_WORDS_DIR, `${process.pid}.jsonl`),
    texts.map((text) => JSON.stringify({ route, status, text })).join('\n') + '\n',
  );
}

/** Keeps a mail the test mail server received: its subject and text are read by a person. */
export function keepMailWords(subject: string, text: string): void {
  keep('mail', 0, [subject, text]);
}

/** Keeps what the answer gives a person to read, unless the client asked for English. */
export function keepReadWords(request: Test, res: Response): void {
  const headers = (request as unknown as { _header?: Record<string, string> })._header ?? {};
  if (/^\s*en\b/i.test(headers['accept-language'] ?? '')) return;
  const texts = textsIn(res);
  if (texts.length === 0) return;
  keep(`${request.method} ${new URL(request.url).pathname}`, res.status, texts);
}
