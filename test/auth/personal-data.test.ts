import { readFileSync, existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn, send } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';
import { aChildPersonnummer, shortForm, withWrongCheckDigit } from '../support/test-people.js';

/** Every way a personnummer could be written out: 12 digits, 10 digits, with or without a separator. */
function writtenForms(personnummer: string): string[] {
  const short = shortForm(personnummer);
  return [personnummer, `${personnummer.slice(0, 8)}-${personnummer.slice(8)}`, short, short.replace('-', '')];
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

/** nestjs-pino keeps one root logger per process: every app of this file logs to the first stream given. */
const logs = new Capture();

describe.each(DATABASES)('personal data through a whole case (%s)', (database) => {
  let t: TestApp;
  const people: string[] = [];
  const searchesLogged = () => logs.text.split('"route":"/cases/search"').length - 1;
  let searchesBefore = 0;

  beforeAll(async () => {
    searchesBefore = searchesLogged();
    t = await startTestApp({ database, env: { LOG_LEVEL: 'debug' }, logStream: logs });
    t.clock.setNow('2026-12-15T12:00:00+01:00');
    const judgment = aJudgment();
    people.push(...[...judgment.children, judgment.residentParent, judgment.visitingParent].map((p) => p.personnummer));
    const caseId = await caseIn(t, 'activeVisits', judgment);
    const logged = await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: '2026-12-01T10:00:00+01:00',
      durationMinutes: 60,
      outcome: 'completed',
    });
    const visitId = logged.body.visits[0].id as string;
    // A case is archived only once each held visit has its report.
    await t.http.post(`/cases/${caseId}/visits/${visitId}/reports`).send({ text: 'Lugnt umgänge.' }).expect(201);
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The parents go on without support' });
    await send(t, caseId, { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-12-10T10:00:00+01:00' });
    await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: '2026-12-12T10:00:00+01:00' });
    await t.http.get(`/cases/${caseId}`).expect(200);
    await t.http.get(`/cases/${caseId}/history`).expect(200);
    await t.http.post('/cases/search').send({ personnummer: judgment.residentParent.personnummer }).expect(200);
    // Refusals are where a value is most easily echoed: a wrong check digit, the same person twice.
    const wrong = aJudgment();
    wrong.children[0].personnummer = withWrongCheckDigit(wrong.children[0].personnummer);
    people.push(wrong.children[0].personnummer);
    await t.http.post('/cases').send(wrong).expect(400);
    const twice = aJudgment();
    twice.visitingParent.personnummer = twice.residentParent.personnummer;
    people.push(twice.residentParent.personnummer);
    await t.http.post('/cases').send(twice).expect(422);
  });
  afterAll(() => t.close());

  it('logged at debug level, and never a personnummer in any form', () => {
    expect(t.config.logLevel).toBe('debug');
    // This app's own request lines reached the capture too, not only the first app's.
    expect(searchesLogged()).toBe(searchesBefore + 1);
    for (const personnummer of people)
      for (const form of writtenForms(personnummer)) expect(logs.text).not.toContain(form);
  });

  it('finds the cases of a person by personnummer sent in the body, in any accepted form', async () => {
    const body = aJudgment();
    const sibling = aChildPersonnummer();
    body.children = [{ name: 'Alva', personnummer: sibling }];
    const first = (await t.http.post('/cases').send(body).expect(201)).body.id;
    const second = (
      await t.http
        .post('/cases')
        .send({ ...aJudgment(), children: [{ name: 'Alva', personnummer: sibling }] })
        .expect(201)
    ).body.id;
    for (const form of [sibling, shortForm(sibling)]) {
      const found = await t.http.post('/cases/search').send({ personnummer: form }).expect(200);
      expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([first, second]);
      expect(JSON.stringify(found.body)).not.toContain(sibling.slice(8));
    }
    const none = await t.http.post('/cases/search').send({ personnummer: aChildPersonnummer() }).expect(200);
    expect(none.body).toEqual({ items: [], total: 0 });
    const bad = await t.http.post('/cases/search').send({ personnummer: '12345' }).expect(400);
    expect(bad.body.message).toEqual([expect.stringContaining('personnummer ska vara ett svenskt personnummer')]);
  });

  it('keeps no personnummer in clear text in the database', async () => {
    if (database === 'sqlite') {
      const file = t.config.database.type === 'sqlite' ? t.config.database.path : '';
      const bytes = [file, `${file}-wal`]
        .filter(existsSync)
        .map((f) => readFileSync(f).toString('latin1'))
        .join('');
      expect(bytes.length).toBeGreaterThan(0);
      for (const personnummer of people)
        for (const form of writtenForms(personnummer)) expect(bytes).not.toContain(form);
    } else {
      const { DataSource } = await import('typeorm');
      const rows = await t.app.get(DataSource).query('SELECT * FROM case_parties');
      expect(rows.length).toBeGreaterThan(0);
      const dump = JSON.stringify(rows);
      for (const personnummer of people) expect(dump).not.toContain(personnummer);
    }
  });
});

describe('the HTTP edge', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends security headers', async () => {
    const res = await t.http.get('/cases').expect(200);
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps CORS closed when no origin is configured', async () => {
    const res = await t.http.get('/cases').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.anonymous
      .options('/cases')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over the limit with 413', async () => {
    const body = { ...aJudgment(), periodCapOverrideReason: 'x'.repeat(200_000) };
    const res = await t.http.post('/cases').send(body);
    expect(res.status).toBe(413);
    expect(res.text).not.toMatch(/at \w+ \(|node_modules/);
    expect(res.text).not.toContain(body.children[0].personnummer);
  });

  it('shows no personnummer in the OpenAPI document, not even as an example', async () => {
    const doc = await t.anonymous.get('/docs-json').expect(200);
    expect(doc.text).not.toMatch(/\b(19|20)\d{6}-?\d{4}\b|\b\d{6}[-+]\d{4}\b/);
    expect(doc.body.components.securitySchemes).toHaveProperty('bearer');
  });
});

describe('CORS when origins are configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://familjeratt.kommun.se' } });
  });
  afterAll(() => t.close());

  it('answers the configured origin and no other', async () => {
    const ok = await t.http.get('/cases').set('Origin', 'https://familjeratt.kommun.se').expect(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://familjeratt.kommun.se');
    const other = await t.http.get('/cases').set('Origin', 'https://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
