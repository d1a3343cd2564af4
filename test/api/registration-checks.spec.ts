import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aJudgment } from '../support/judgment-builder.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DATABASES)('checks a secretary expects at registration (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-11-10T10:00:00+01:00');
  });
  afterAll(() => t.close());

  it('refuses a judgment dated in the future with 422 naming judgmentDate', async () => {
    const res = await t.http
      .post('/cases')
      .send(aJudgment({ judgmentDate: '2026-11-11', periodStart: '2026-11-16' }))
      .expect(422);
    expect(res.body).toMatchObject({ rule: 'judgmentInThePast', field: 'judgmentDate' });
  });

  it('refuses a period that starts before the judgment with 422 naming periodStart', async () => {
    const res = await t.http
      .post('/cases')
      .send(aJudgment({ judgmentDate: '2026-11-02', periodStart: '2026-11-01' }))
      .expect(422);
    expect(res.body).toMatchObject({ rule: 'periodAfterJudgment', field: 'periodStart' });
  });

  it('refuses a receivedAt in the future or before the judgment, naming receivedAt', async () => {
    const future = await t.http
      .post('/cases')
      .send(aJudgment({ receivedAt: '2026-11-12' }))
      .expect(422);
    expect(future.body).toMatchObject({ rule: 'receivedInThePast', field: 'receivedAt' });
    const early = await t.http
      .post('/cases')
      .send(aJudgment({ receivedAt: '2026-11-01' }))
      .expect(422);
    expect(early.body).toMatchObject({ rule: 'receivedAfterJudgment', field: 'receivedAt' });
  });

  it('refuses a second open case for the same court case with 409 naming the open one, and registers it once confirmed', async () => {
    const first = aJudgment();
    const existing = (await t.http.post('/cases').send(first).expect(201)).body.id as string;
    const again = aJudgment({ court: first.court, courtCaseNumber: first.courtCaseNumber });
    const refused = await t.http.post('/cases').send(again).expect(409);
    expect(refused.body).toMatchObject({
      existingCaseId: existing,
      rule: 'oneOpenCasePerCourtCase',
      field: 'courtCaseNumber',
    });
    expect(refused.body.message).toContain(existing);

    const wrongId = await t.http
      .post('/cases')
      .send({ ...again, confirmDuplicateOf: '00000000-0000-4000-8000-000000000000' })
      .expect(409);
    expect(wrongId.body.existingCaseId).toBe(existing);
    const confirmed = await t.http
      .post('/cases')
      .send({ ...again, confirmDuplicateOf: existing })
      .expect(201);
    const history = await t.http.get(`/cases/${confirmed.body.id}/history`).expect(200);
    expect(history.body.items[0]).toMatchObject({ type: 'REGISTER', payload: { confirmDuplicateOf: existing } });
    // The same number at another court is another case.
    await t.http
      .post('/cases')
      .send(aJudgment({ court: 'Stockholms tingsrätt', courtCaseNumber: first.courtCaseNumber }))
      .expect(201);
  });

  it('registers a judgment sent several times at once (a double click) once, refusing the others as the second open case', async () => {
    const judgment = aJudgment();
    const sent = await Promise.all([1, 2, 3].map(() => t.http.post('/cases').send(judgment)));
    expect(sent.map((res) => res.status).sort()).toEqual([201, 409, 409]);
    const registered = sent.find((res) => res.status === 201)!.body.id as string;
    for (const refused of sent.filter((res) => res.status === 409))
      expect(refused.body).toMatchObject({ rule: 'oneOpenCasePerCourtCase', existingCaseId: registered });
  });

  it('trims names and stores them without the surrounding spaces', async () => {
    const body = aJudgment();
    body.children = [{ ...body.children[0], name: '  Alva  ' }];
    const res = await t.http
      .post('/cases')
      .send({ ...body, court: ' Uppsala tingsrätt ' })
      .expect(201);
    expect(res.body.parties.children[0].name).toBe('Alva');
    expect(res.body.judgment.court).toBe('Uppsala tingsrätt');
  });

  it.each([
    ['a blank name', '   ', 'får inte vara tomt'],
    ['a control character', 'Alva\u0007', 'får inte innehålla styrtecken'],
    ['a right-to-left override', 'Alva \u202Eavlā', 'får inte innehålla styrtecken'],
    ['an isolate', '\u2066Alva\u2069', 'får inte innehålla styrtecken'],
  ])('refuses %s in a name with 400 naming the field', async (_what, name, message) => {
    const body = aJudgment();
    const res = await t.http
      .post('/cases')
      .send({ ...body, residentParent: { ...body.residentParent, name } })
      .expect(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([expect.stringContaining(`residentParent.name ${message}`)]),
    );
  });
});
