import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn, send } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DAY } from '../support/test-clock.js';
import { pdfText } from './pdf-text.js';
import { ADDRESSES, binary, prepareLetterhead } from '../support/letter-support.js';

/** The smallest real PNG: a 1×1 pixel. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

const FACTS = {
  kind: 'enrollmentForm',
  title: 'Inskrivningsblankett',
  date: '2026-11-24',
  author: 'Karin Lund',
  status: 'received',
};

describe.each(DATABASES)('case documents (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database, env: { UPLOAD_MAX_BYTES: '4096', RETENTION_YEARS: '5' } });
    t.clock.setNow(TEST_DAY);
    await prepareLetterhead(t);
  });
  afterAll(() => t.close());

  const upload = (
    caseId: string,
    bytes: Buffer,
    filename: string,
    contentType: string,
    facts: Record<string, string> = FACTS,
  ) => {
    let req = t.http.post(`/cases/${caseId}/documents/uploads`).attach('file', bytes, { filename, contentType });
    for (const [name, value] of Object.entries(facts)) req = req.field(name, value);
    return req.field('recipients', 'Maria').field('recipients', 'Johan');
  };

  /** A document's stored bytes, exactly as the service sends them. */
  const content = (caseId: string, documentId: string, as = t.http) =>
    as.get(`/cases/${caseId}/documents/${documentId}/content`).buffer(true).parse(binary).expect(200);

  /** Parents with addresses, as the letters need. */
  const addressed = (courtCaseNumber: string) => ({
    courtCaseNumber,
    residentParent: { ...aJudgment().residentParent, address: ADDRESSES.resident },
    visitingParent: { ...aJudgment().visitingParent, address: ADDRESSES.visiting },
  });

  it('writes the summons as a Swedish PDF with the court case number and the meeting time', async () => {
    const caseId = await caseIn(t, 'startupMeeting', addressed('T 4711-26'));
    const res = await t.http
      .post(`/cases/${caseId}/documents/letters`)
      .send({ kind: 'summons', place: 'Familjerätten, Stationsgatan 12' })
      .expect(201);
    const letter = { body: res.body.items[0] };
    expect(letter.body).toMatchObject({
      kind: 'summons',
      origin: 'generated',
      status: 'final',
      file: { contentType: 'application/pdf' },
    });
    const pdf = await content(caseId, letter.body.id);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('Umgängesstöd, kallelse till uppstartsmöte');
    expect(text).toContain('T 4711-26');
    // The meeting was booked for 2026-11-12T13:00:00+01:00 (case-steps).
    expect(text).toContain('torsdagen den 12 november 2026 kl. 13.00');
    expect(text).toContain('Familjerätten, Stationsgatan 12');
  });

  it('writes the decision appointing the supporter, naming the supporter and the children', async () => {
    const caseId = await caseIn(t, 'supporterAppointed', addressed('T 815-26'));
    const res = await t.http.post(`/cases/${caseId}/documents/letters`).send({ kind: 'supporterDecision' }).expect(201);
    const pdf = await content(caseId, res.body.items[0].id);
    const text = pdfText(pdf.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('Beslut om umgängesstödsperson');
    expect(text).toContain('T 815-26');
    expect(text).toContain('Karin Lund');
    expect(text).toContain('6 kap. 15 c § föräldrabalken');
  });

  it('refuses the summons before a meeting is booked with 422', async () => {
    const caseId = await caseIn(t, 'supporterAppointed');
    const res = await t.http.post(`/cases/${caseId}/documents/letters`).send({ kind: 'summons' }).expect(422);
    expect(res.body.rule).toBe('summonsSent');
  });

  it('writes the evaluation to the court from its text, only when the court asked for one', async () => {
    const asked = await caseIn(t, 'activeVisits', { evaluationRequested: true, courtCaseNumber: 'T 99-26' });
    const text = 'Umgänget har fungerat väl.\n\nFöräldrarna samarbetar nu utan stöd.';
    const res = await t.http.post(`/cases/${asked}/documents/letters`).send({ kind: 'evaluation', text }).expect(201);
    const letter = { body: res.body.items[0] };
    expect(letter.body).toMatchObject({ kind: 'evaluation', body: text, recipients: ['Uppsala tingsrätt'] });
    const pdf = await content(asked, letter.body.id);
    expect(pdfText(pdf.body as Buffer)).toContain('Föräldrarna samarbetar nu utan stöd.');
    await t.http.post(`/cases/${asked}/documents/letters`).send({ kind: 'evaluation' }).expect(400);

    const notAsked = await caseIn(t, 'activeVisits');
    const refused = await t.http
      .post(`/cases/${notAsked}/documents/letters`)
      .send({ kind: 'evaluation', text })
      .expect(422);
    expect(refused.body.rule).toBe('evaluationRequested');
  });

  it('stores an upload with its SHA-256 and gives back exactly the bytes that came in', async () => {
    const caseId = await caseIn(t, 'initiated');
    const res = await upload(caseId, PNG, 'blankett.png', 'image/png').expect(201);
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    expect(res.body).toMatchObject({
      kind: 'enrollmentForm',
      origin: 'uploaded',
      recipients: ['Maria', 'Johan'],
      file: { fileName: 'blankett.png', contentType: 'image/png', size: PNG.length, sha256 },
    });
    const download = await content(caseId, res.body.id);
    expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);
    expect(download.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(PNG).digest('base64')}:`);
    const list = await t.http.get(`/cases/${caseId}/documents`).expect(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([res.body.id]);
  });

  it('refuses an upload whose name lies about its content, and one that is no PDF or image at all', async () => {
    const caseId = await caseIn(t, 'initiated');
    const lying = await upload(caseId, PNG, 'rapport.pdf', 'application/pdf').expect(422);
    expect(lying.body).toMatchObject({ rule: 'uploadExtensionMatchesContent', field: 'file' });
    const script = await upload(caseId, Buffer.from('#!/bin/sh\necho hej\n'), 'rapport.pdf', 'application/pdf').expect(
      422,
    );
    expect(script.body.rule).toBe('uploadContentType');
    const declared = await upload(caseId, PDF, 'rapport.pdf', 'image/png').expect(422);
    expect(declared.body.rule).toBe('uploadDeclaredTypeMatchesContent');
    expect((await t.http.get(`/cases/${caseId}/documents`).expect(200)).body.total).toBe(0);
  });

  it('refuses an upload over the size limit with 413', async () => {
    const caseId = await caseIn(t, 'initiated');
    const big = Buffer.concat([PDF, Buffer.alloc(5000, 0x20)]);
    await upload(caseId, big, 'stor.pdf', 'application/pdf').expect(413);
  });

  it('never changes a document: there is no route to edit or delete one, a correction is a new document', async () => {
    const caseId = await caseIn(t, 'initiated');
    const first = await t.http
      .post(`/cases/${caseId}/documents`)
      .send({ ...FACTS, recipients: ['Maria'] })
      .expect(201);
    await t.http
      .put(`/cases/${caseId}/documents/${first.body.id}`)
      .send({ ...FACTS, recipients: [] })
      .expect(404);
    await t.http.delete(`/cases/${caseId}/documents/${first.body.id}`).expect(404);
    const fix = await t.http
      .post(`/cases/${caseId}/documents`)
      .send({ ...FACTS, title: 'Inskrivningsblankett (rättad)', recipients: ['Maria'], corrects: first.body.id })
      .expect(201);
    const list = await t.http.get(`/cases/${caseId}/documents`).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: first.body.id, title: 'Inskrivningsblankett', correctedBy: fix.body.id }),
      expect.objectContaining({ id: fix.body.id, corrects: first.body.id, correctedBy: null }),
    ]);
  });

  it('keeps one correction of a document when several are sent at the same moment, refusing the others as corrections of a corrected document', async () => {
    const caseId = await caseIn(t, 'initiated');
    for (let round = 0; round < 3; round++) {
      const original = await t.http
        .post(`/cases/${caseId}/documents`)
        .send({ ...FACTS, recipients: ['Maria'] })
        .expect(201);
      const sent = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          t.http.post(`/cases/${caseId}/documents`).send({
            ...FACTS,
            title: `Inskrivningsblankett (rättelse ${i})`,
            recipients: ['Maria'],
            corrects: original.body.id,
          }),
        ),
      );
      expect(sent.map((res) => res.status).sort()).toEqual([201, 422, 422, 422]);
      for (const refused of sent.filter((res) => res.status === 422))
        expect(refused.body).toMatchObject({ rule: 'correctLatest', field: 'corrects' });
      const corrections = (await t.http.get(`/cases/${caseId}/documents`).expect(200)).body.items.filter(
        (d: { corrects: string | null }) => d.corrects === original.body.id,
      );
      expect(corrections).toHaveLength(1);
    }
  });

  describe('an archived case', () => {
    let caseId: string;
    let documentId: string;
    beforeAll(async () => {
      t.clock.setNow('2026-12-10T12:00:00+01:00');
      caseId = await caseIn(t, 'initiated');
      documentId = (await upload(caseId, PNG, 'blankett.png', 'image/png').expect(201)).body.id;
      await send(t, caseId, {
        type: 'END_EARLY',
        reasonCategory: 'other',
        reason: 'Föräldrarna klarar umgänget själva',
      });
      await send(t, caseId, { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-11-30T10:00:00+01:00' });
      await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: '2026-11-30T11:00:00+01:00' });
    });

    it('gets a disposal date RETENTION_YEARS after its last entry, shown on the case', async () => {
      const res = await t.http.get(`/cases/${caseId}`).expect(200);
      // Archiving on 10 December 2026 is the file's last entry: five years on.
      expect(res.body.retention).toEqual({
        archivedAt: expect.stringMatching(/^2026-12-10T11:/),
        disposalDate: '2031-12-10',
      });
      const administrator = await t.as('administrator').get(`/cases/${caseId}`).expect(200);
      expect(administrator.body.retention).toEqual(res.body.retention);
    });

    it('refuses every write to the case and its documents with 409', async () => {
      await send(t, caseId, { type: 'INITIATE' }, 409);
      await upload(caseId, PNG, 'blankett.png', 'image/png').expect(409);
      await t.http
        .post(`/cases/${caseId}/documents`)
        .send({ ...FACTS, recipients: [], corrects: documentId })
        .expect(409);
      await t.http.post(`/cases/${caseId}/documents/letters`).send({ kind: 'supporterDecision' }).expect(409);
      await t.http
        .post(`/cases/${caseId}/visit-plans`)
        .send({ plannedFor: '2026-12-05T10:00:00+01:00', place: 'Parken' })
        .expect(409);
      await t.http
        .post(`/cases/${caseId}/interviews/0/consent`)
        .send({ guardian: 'residentParent', givenOn: '2026-11-24', atStartupMeeting: true })
        .expect(409);
    });

    it('still lets the administrator read its documents', async () => {
      const download = await content(caseId, documentId, t.as('administrator'));
      expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);
    });
  });
});
