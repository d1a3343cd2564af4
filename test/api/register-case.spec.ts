import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { aJudgment } from '../support/judgment-builder.js';
import { shortForm, withWrongCheckDigit } from '../support/test-people.js';

describe.each(['sqlite'] as const)('registering a judgment (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
  });
  afterAll(() => t.close());

  it('answers 201 with a received case whose personnummer are masked', async () => {
    const body = aJudgment({ evaluationRequested: true });
    const res = await t.http.post('/cases').send(body).expect(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      state: 'received',
      version: 1,
      allowedEvents: ['INITIATE'],
      judgment: { courtCaseNumber: body.courtCaseNumber, periodEnd: '2027-11-15', evaluationRequested: true },
    });
    const child = body.children[0].personnummer;
    expect(res.body.parties.children[0].personnummer).toBe(`${child.slice(0, 8)}-****`);
    expect(JSON.stringify(res.body)).not.toContain(child.slice(8));
  });

  it('accepts personnummer in the ten-digit hyphenated form', async () => {
    const body = aJudgment();
    body.residentParent.personnummer = shortForm(body.residentParent.personnummer);
    await t.http.post('/cases').send(body).expect(201);
  });

  it('runs the period one year from its start when the judgment sets no end', async () => {
    const res = await t.http
      .post('/cases')
      .send(aJudgment({ periodStart: '2026-12-01', periodEnd: undefined }))
      .expect(201);
    expect(res.body.judgment).toMatchObject({ periodEnd: '2027-11-30', periodEndSetByCourt: false });
  });

  it('refuses a wrong check digit with 400 naming the field, never echoing the number', async () => {
    const body = aJudgment();
    const bad = withWrongCheckDigit(body.children[0].personnummer);
    body.children[0].personnummer = bad;
    const res = await t.http.post('/cases').send(body).expect(400);
    expect(res.body.message).toEqual([
      expect.stringContaining('children.0.personnummer ska vara ett svenskt personnummer'),
    ]);
    expect(JSON.stringify(res.body)).not.toContain(bad);
  });

  it('refuses a period longer than a year with 422 unless the secretary gives a reason', async () => {
    const res = await t.http
      .post('/cases')
      .send(aJudgment({ periodEnd: '2027-11-16' }))
      .expect(422);
    expect(res.body).toMatchObject({ rule: 'periodCap', field: 'periodEnd' });
    expect(res.body.message).toContain('2027-11-15');
    const confirmed = await t.http
      .post('/cases')
      .send(aJudgment({ periodEnd: '2027-11-16', periodCapOverrideReason: 'The court set 13 months on purpose' }))
      .expect(201);
    const history = await t.http.get(`/cases/${confirmed.body.id}/history`).expect(200);
    expect(history.body.items[0].payload.periodCapOverrideReason).toBe('The court set 13 months on purpose');
  });

  it('refuses a period that ends before it starts with 422', async () => {
    const res = await t.http
      .post('/cases')
      .send(aJudgment({ periodStart: '2026-11-16', periodEnd: '2026-11-01' }))
      .expect(422);
    expect(res.body.rule).toBe('periodRunsForward');
  });

  it('refuses unknown fields, wrong types and missing parties with 400 listing every field', async () => {
    const res = await t.http
      .post('/cases')
      .send({ ...aJudgment(), evaluationRequested: 'yes', residentParent: undefined, colour: 'blue' })
      .expect(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'Fältet colour finns inte: ta bort det.',
        'evaluationRequested ska vara true eller false.',
        'residentParent ska anges, med namn och personnummer.',
      ]),
    );
  });

  it('writes nothing when a registration is refused', async () => {
    const before = (await t.http.get('/cases').expect(200)).body.total;
    await t.http
      .post('/cases')
      .send(aJudgment({ periodEnd: '2028-06-01' }))
      .expect(422);
    expect((await t.http.get('/cases').expect(200)).body.total).toBe(before);
  });
});
