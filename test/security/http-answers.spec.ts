import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { compensationCsv } from '../../src/compensation/compensation-csv.js';
import { csvCell } from '../../src/common/csv.js';
import { registerCase } from '../support/case-steps.js';
import { aChildPersonnummer } from '../support/test-people.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

describe.each(['sqlite'] as const)('answers and uploads (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp({ database });
    caseId = await registerCase(t);
  });
  afterAll(() => t.close());

  const upload = (filename: string) =>
    t.http
      .post(`/cases/${caseId}/documents/uploads`)
      .attach('file', PDF, { filename, contentType: 'application/pdf' })
      .field('kind', 'other')
      .field('date', '2026-11-01')
      .field('author', 'Tingsrätten')
      .field('recipients', 'Familjerätten')
      .field('status', 'received');

  it('tells every cache not to keep an answer with case data, refusals included', async () => {
    const answers = [
      await t.http.get(`/cases/${caseId}`).expect(200),
      await t.http.get('/cases').expect(200),
      await t.http.post('/cases/search').send({ personnummer: aChildPersonnummer() }).expect(200),
      await t.http.get(`/cases/${caseId}/history`).expect(200),
      await t.http.get('/alerts').expect(200),
      await t.http.get('/cases/00000000-0000-4000-8000-000000000000').expect(404),
    ];
    expect(answers.map((res) => res.headers['cache-control'])).toEqual(answers.map(() => 'no-store'));
  });

  it('keeps a file name in UTF-8 as the browser sent it', async () => {
    const res = await upload('Överenskommelse om umgänge Åsa.pdf').field('title', 'Överenskommelse').expect(201);
    expect(res.body.file.fileName).toBe('Överenskommelse om umgänge Åsa.pdf');
  });

  it('refuses a form field longer than 64 KB before it reaches validation', async () => {
    const res = await upload('dom.pdf')
      .field('title', 'x'.repeat(64 * 1024 + 1))
      .expect(400);
    expect(res.body.message).toBe('Ett fält i formuläret är för långt.');
    await upload('dom.pdf').field('title', 'Dom').expect(201);
  });
});

describe('the payroll CSV', () => {
  it('defuses a formula behind a leading tab or carriage return, as it does a leading =', () => {
    const line = (name: string) => ({
      supporterId: 's1',
      name,
      month: '2026-12',
      visits: 1,
      fromEarlierMonths: 0,
      minutes: 60,
      hours: '1.00',
      amountSek: '250.00',
    });
    const rows = compensationCsv([line('=HYPERLINK("x")'), line('\t=HYPERLINK("x")'), line('\r=HYPERLINK("x")')]).split(
      '\r\n',
    );
    expect(rows.slice(1, 4).map((row) => row.split(';')[0])).toEqual([
      '"\'=HYPERLINK(""x"")"',
      '"\'\t=HYPERLINK(""x"")"',
      '"\'\r=HYPERLINK(""x"")"',
    ]);
  });

  it.each([
    ['a line feed', '\n=1+1'],
    ['a vertical tab', '\v=1+1'],
    ['a form feed', '\f=1+1'],
    ['a full-width equals sign', '＝1+1'],
    ['a full-width plus sign', '＋1'],
    ['a full-width minus sign', '－1'],
    ['a full-width at sign', '＠SUM(A1)'],
  ])('defuses a formula behind %s', (_what, value) => {
    expect(
      csvCell(value)
        .replace(/^"/, '')
        .startsWith(`'${value.slice(0, 1)}`),
    ).toBe(true);
  });
});
