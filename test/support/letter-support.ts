import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Response } from 'superagent';
import type { TestApp } from './test-app.js';
import { pdfText } from '../routine/pdf-text.js';

export const UNIT = {
  municipality: 'Uppsala kommun',
  committee: 'Socialnämnden',
  unitName: 'Familjerätten',
  postalAddress: 'Box 1234\n751 23 Uppsala',
  phone: '018-727 00 00',
  email: 'familjeratten@uppsala.example.se',
  phoneHours: 'måndag–fredag kl. 9.00–10.00',
};

export const CASEWORKER = {
  name: 'Anna Berg',
  title: 'Familjerättssekreterare',
  phone: '018-727 12 34',
  email: 'anna.berg@uppsala.example.se',
};

/** The unit's details and the (default) secretary's profile: what every letter needs besides the case. */
export async function prepareLetterhead(t: TestApp): Promise<void> {
  await t.as('administrator').put('/unit').send(UNIT).expect(200);
  await t.http.put('/staff/me').send(CASEWORKER).expect(200);
}

export const ADDRESSES = {
  resident: { street: 'Kungsgatan 12', postalCode: '753 21', city: 'Uppsala' },
  visiting: { careOf: 'c/o Lind', street: 'Sysslomansgatan 4', postalCode: '753 11', city: 'Uppsala' },
};

/** Supertest hands binary answers to this parser so the bytes arrive untouched. */
export function binary(res: Response, done: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

export interface GeneratedLetter {
  id: string;
  title: string;
  recipients: string[];
  body: string | null;
  pdf: Buffer;
  /** The extracted text with every run of whitespace (line breaks included) as one space. */
  text: string;
}

/** Generates letters of a kind and fetches each one's PDF and text. */
export async function generateLetters(
  t: TestApp,
  caseId: string,
  body: Record<string, unknown>,
): Promise<GeneratedLetter[]> {
  const res = await t.http.post(`/cases/${caseId}/documents/letters`).send(body).expect(201);
  const letters: GeneratedLetter[] = [];
  for (const item of res.body.items as { id: string; title: string; recipients: string[]; body: string | null }[]) {
    const pdf = (
      await t.http.get(`/cases/${caseId}/documents/${item.id}/content`).buffer(true).parse(binary).expect(200)
    ).body as Buffer;
    letters.push({ ...item, pdf, text: pdfText(pdf).replace(/\s+/g, ' ') });
  }
  return letters;
}

export const ARTIFACTS = resolve(process.cwd(), 'test/artifacts/letters');

/** Keeps the PDF and a PNG of its first page (poppler's pdftoppm) as test artifacts, to be looked at. */
export function renderFirstPage(pdf: Buffer, name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, join(ARTIFACTS, name)]);
  return join(ARTIFACTS, `${name}.png`);
}

/** Twelve- or ten-digit runs shaped like a personnummer (with or without separator). */
export const PERSONNUMMER_SHAPE = /\b(\d{2})?\d{6}[-+]?\d{4}\b/;
