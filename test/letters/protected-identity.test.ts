import { existsSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerSupporter, send } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import {
  ADDRESSES,
  generateLetters,
  prepareLetterhead,
  renderFirstPage,
  type GeneratedLetter,
} from '../support/letter-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Where the protected parent lives: none of it may reach anyone. */
const HIDDEN = { street: 'Hemliga vägen 7', postalCode: '987 65', city: 'Gömstad' };
/** Whole words only: the postal code's digits turn up by chance inside ids and hashes (sha256 "…a9876512…"). */
const TRACES = [/Hemliga/, /\b987 65\b/, /\b98765\b/, /Gömstad/i];

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString('utf8');
    done();
  }
}
/** nestjs-pino keeps one root logger per process: every app of this file logs to the first stream given. */
const logs = new Capture();

describe.each(['sqlite'] as const)('a parent with protected personal data (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  let supporterId: string;
  const letters: GeneratedLetter[] = [];
  /** Every answer anyone got, as text. */
  const answers: string[] = [];

  const read = async (agent: ReturnType<TestApp['as']>, path: string) => {
    const res = await agent.get(path).expect(200);
    answers.push(res.text);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp({ database, env: { LOG_LEVEL: 'debug' }, logStream: logs });
    t.clock.setNow('2027-01-20T12:00:00+01:00');
    await prepareLetterhead(t);
    supporterId = await registerSupporter(t);
    const judgment = aJudgment({ evaluationRequested: true });
    const registered = await t.http
      .post('/cases')
      .send({
        ...judgment,
        residentParent: { ...judgment.residentParent, name: 'Maria Ödman', address: ADDRESSES.resident },
        visitingParent: {
          ...judgment.visitingParent,
          name: 'Johan Lind',
          address: HIDDEN,
          protection: 'skyddadFolkbokforing',
        },
      })
      .expect(201);
    answers.push(registered.text);
    caseId = registered.body.id;
    const step = async (event: Record<string, unknown>) => answers.push((await send(t, caseId, event)).text);
    await step({ type: 'INITIATE', diaryNumber: 'SN 2026/0099' });
    await step({ type: 'APPOINT_SUPPORTER', supporterId, decidedAt: '2026-11-17T10:00:00+01:00' });
    letters.push(...(await generateLetters(t, caseId, { kind: 'supporterDecision' })));
    // A parent with skyddad folkbokföring is met alone: no joint meeting is planned.
    await step({
      type: 'SEND_SUMMONS',
      sentOn: '2026-11-18',
      individualMeetings: [
        { party: 'residentParent', meetingAt: '2026-11-20T09:00:00+01:00' },
        { party: 'visitingParent', meetingAt: '2026-11-20T10:30:00+01:00' },
      ],
    });
    letters.push(
      ...(await generateLetters(t, caseId, {
        kind: 'summons',
        residentParentMeetingAt: '2026-11-20T09:00:00+01:00',
        visitingParentMeetingAt: '2026-11-20T10:30:00+01:00',
      })),
    );
    for (const [party, heldAt] of [
      ['residentParent', '2026-11-20T09:00:00+01:00'],
      ['visitingParent', '2026-11-20T10:30:00+01:00'],
    ]) {
      await step({ type: 'HOLD_STARTUP_MEETING', party, heldAt, enrollmentFormSigned: true, rulesAccepted: true });
    }
    await step({ type: 'START_VISITS', documentCopiesSentAt: '2026-11-25T09:00:00+01:00' });
    const visit = await t
      .as('supporter', { supporterId })
      .post(`/cases/${caseId}/events`)
      .send({ type: 'LOG_VISIT', occurredAt: '2026-12-05T10:00:00+01:00', durationMinutes: 90, outcome: 'completed' })
      .expect(200);
    answers.push(visit.text);
    await read(t.as('supporter', { supporterId }), `/cases/${caseId}`);
    await read(t.as('developer'), `/inspector/api/cases/${caseId}`);
    await step({ type: 'END_EARLY', reasonCategory: 'other', reason: 'Föräldrarna klarar umgänget själva' });
    await step({ type: 'HOLD_CLOSING_MEETING', heldAt: '2027-01-15T10:00:00+01:00' });
    letters.push(...(await generateLetters(t, caseId, { kind: 'evaluation', text: 'Umgänget har fungerat väl.' })));
  });
  afterAll(() => t.close());

  it('writes the protected parent’s own letters for forwarding through the Tax Agency, with nothing that locates them', () => {
    const theirs = letters.filter((l) => l.recipients[0] === 'Johan Lind');
    expect(theirs).toHaveLength(2);
    for (const letter of theirs) {
      expect(letter.text).toContain('Johan Lind');
      expect(letter.body).toContain('Skatteverket, Box 2820, 403 20 Göteborg');
      expect(letter.text).not.toContain('Skatteverket');
    }
    expect(theirs[1].text).toContain('fredagen den 20 november 2026 kl. 10.30');
    renderFirstPage(theirs[0].pdf, `${database}-skyddad-beslut`);
  });

  it('writes the other parent’s letters to their own address, without the protected parent’s', () => {
    const marias = letters.filter((l) => l.recipients[0] === 'Maria Ödman');
    expect(marias).toHaveLength(2);
    for (const letter of marias) {
      expect(letter.text).toContain('Kungsgatan 12');
      expect(letter.text).not.toContain('kl. 10.30');
      // The start-up meeting is held as individual meetings: the booked time is not hers to know.
      expect(letter.text).not.toContain('tisdagen den 24 november 2026 kl. 13.00');
    }
    expect(marias[1].text).toContain('Ditt uppstartsmöte: fredagen den 20 november 2026 kl. 09.00');
  });

  it('tells the supporter no time where the protected parent will be', () => {
    const summons = letters.find(
      (l) => l.recipients[0] === 'Karin Lund' && l.title.startsWith('Umgängesstöd, kallelse'),
    )!;
    expect(summons.text).not.toContain('kl. 10.30');
    expect(summons.text).not.toContain('kl. 13.00');
    expect(summons.text).toContain('Mötena med föräldrarna hålls enskilt');
  });

  it('lets no letter, view, export, history or audit answer, for any role, carry the protected address', async () => {
    await send(t, caseId, { type: 'SUBMIT_EVALUATION', sentToCourtAt: '2027-01-18T10:00:00+01:00' });
    for (const v of (await t.http.get(`/cases/${caseId}/visits`).expect(200)).body.visits as { id: string }[]) {
      await t.http.post(`/cases/${caseId}/visits/${v.id}/reports`).send({ text: 'Lugnt umgänge.' }).expect(201);
    }
    await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: '2027-01-19T10:00:00+01:00' });
    const secretary = t.http;
    const administrator = t.as('administrator');
    for (const path of [
      `/cases/${caseId}`,
      `/cases/${caseId}/history`,
      `/cases/${caseId}/documents`,
      `/cases/${caseId}/parties`,
      `/cases/${caseId}/visits`,
      `/cases/${caseId}/interviews`,
      '/compensation?month=2026-12',
      '/compensation/export?month=2026-12',
      '/alerts?status=all',
    ]) {
      await read(secretary, path);
    }
    for (const path of [`/cases/${caseId}`, `/cases/${caseId}/documents`, `/audit?caseId=${caseId}&limit=100`])
      await read(administrator, path);
    const parties = (await read(secretary, `/cases/${caseId}/parties`)).body.items as {
      name: string;
      address: unknown;
      hasAddress: boolean;
    }[];
    expect(parties.find((p) => p.name === 'Johan Lind')).toMatchObject({ address: null, hasAddress: true });
    expect(parties.find((p) => p.name === 'Maria Ödman')).toMatchObject({ address: ADDRESSES.resident });

    expect(answers.length).toBeGreaterThan(15);
    const everything = [...answers, ...letters.map((l) => l.text), logs.text].join('\n');
    for (const trace of TRACES) expect(everything).not.toMatch(trace);
  });

  it('shows the supporter no address at all', async () => {
    const other = aJudgment();
    const { body } = await t.http
      .post('/cases')
      .send({ ...other, residentParent: { ...other.residentParent, address: ADDRESSES.resident } })
      .expect(201);
    const helper = await registerSupporter(t, 'Per Holm');
    await send(t, body.id, { type: 'INITIATE', diaryNumber: 'SN 2026/0100' });
    await send(t, body.id, { type: 'APPOINT_SUPPORTER', supporterId: helper, decidedAt: '2027-01-19T10:00:00+01:00' });
    const view = await t.as('supporter', { supporterId: helper }).get(`/cases/${body.id}`).expect(200);
    expect(view.text).not.toContain('Kungsgatan');
    await t.as('supporter', { supporterId: helper }).get(`/cases/${body.id}/parties`).expect(403);
  });

  it('keeps the address sealed in the database', () => {
    const file = t.config.database.type === 'sqlite' ? t.config.database.path : '';
    const bytes = [file, `${file}-wal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    expect(bytes.length).toBeGreaterThan(0);
    for (const trace of ['Hemliga', 'Kungsgatan']) expect(bytes).not.toContain(trace);
  });
});
