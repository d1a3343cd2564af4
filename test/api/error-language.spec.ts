import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn, registerSupporter, send } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

/** The English that must not reach a secretary who did not ask for it (issue 27). */
const ENGLISH = /\b(refused|missing|must|add it with|not found|not allowed)\b/i;

describe.each(DATABASES)('refusals a person reads (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-11-10T10:00:00+01:00');
  });
  afterAll(() => t.close());

  const messagesOf = (body: { message: string | string[] }) =>
    Array.isArray(body.message) ? body.message : [body.message];

  it('says what is wrong with the input in Swedish, field by field, and in English when asked', async () => {
    const body = { ...aJudgment(), court: 42, extra: 'x' };
    const swedish = await t.http.post('/cases').send(body).expect(400);
    const texts = messagesOf(swedish.body);
    expect(texts).toEqual(expect.arrayContaining(['court ska vara en text.', 'Fältet extra finns inte: ta bort det.']));
    for (const text of texts) expect(text).not.toMatch(ENGLISH);
    const english = await t.http.post('/cases').set('Accept-Language', 'en').send(body).expect(400);
    expect(messagesOf(english.body)).toEqual(
      expect.arrayContaining(['court must be a string', 'property extra should not exist']),
    );
  });

  it('says a broken rule in Swedish with its rule and field unchanged, and in English when asked', async () => {
    const future = aJudgment({ judgmentDate: '2026-11-11', periodStart: '2026-11-16' });
    const swedish = await t.http.post('/cases').send(future).expect(422);
    expect(swedish.body).toMatchObject({
      rule: 'judgmentInThePast',
      field: 'judgmentDate',
      message: 'Domens datum kan inte ligga i framtiden (i dag är det 2026-11-10).',
    });
    const english = await t.http.post('/cases').set('Accept-Language', 'en-GB,en;q=0.9').send(future).expect(422);
    expect(english.body).toMatchObject({ rule: 'judgmentInThePast', field: 'judgmentDate' });
    expect(english.body.message).toContain('must not be in the future');
    const preferSwedish = await t.http.post('/cases').set('Accept-Language', 'sv, en;q=0.5').send(future).expect(422);
    expect(preferSwedish.body.message).toContain('Domens datum');
  });

  it('names an event that cannot happen now, a case that does not exist and an action the role may not take in Swedish', async () => {
    const caseId = await caseIn(t, 'initiated');
    const early = await send(
      t,
      caseId,
      { type: 'START_VISITS', documentCopiesSentAt: '2026-11-10T09:00:00+01:00' },
      409,
    );
    expect(early.body.message).toBe('”Starta umgänget” går inte att göra när ärendet är i läget Initierad.');
    expect(early.body.allowedEvents).toContain('APPOINT_SUPPORTER');
    const missing = await t.http.get('/cases/00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.message).toBe('Ärendet finns inte.');
    const supporterId = await registerSupporter(t);
    const forbidden = await t
      .as('supporter', { supporterId })
      .post(`/cases/${caseId}/events`)
      .send({ type: 'APPOINT_SUPPORTER', supporterId, decidedAt: '2026-11-10T09:00:00+01:00' });
    expect([403, 404]).toContain(forbidden.status);
    expect(forbidden.body.message).not.toMatch(ENGLISH);
    const unknownRoute = await t.http.get('/no-such-route').expect(404);
    expect(unknownRoute.body.message).toBe('Adressen finns inte.');
    const notJson = await t.http.post('/cases').set('Content-Type', 'application/json').send('{"court":').expect(400);
    expect(notJson.body.message).toBe('Förfrågan kunde inte läsas: den är inte giltig JSON.');
  });

  it('tells the secretary of a stopped visit in Swedish, the reason in the glossary’s words', async () => {
    t.clock.setNow('2026-12-06T12:00:00+01:00');
    const caseId = await caseIn(t, 'activeVisits');
    await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: '2026-12-05T10:00:00+01:00',
      durationMinutes: 45,
      outcome: 'stopped',
      stopReason: 'visitingParentIntoxicated',
    });
    const alerts = (await t.http.get(`/alerts?caseId=${caseId}&status=all`).expect(200)).body.items as {
      kind: string;
      message: string;
      detail: string;
    }[];
    const stopped = alerts.find((a) => a.kind === 'visitStopped')!;
    expect(stopped.message).toBe('Ett umgängestillfälle avbröts: följ upp med föräldrarna och stödjaren');
    expect(stopped.detail).toContain(
      'Umgängestillfället lördagen den 5 december 2026 kl. 10.00 avbröts: umgängesföräldern verkade påverkad av alkohol eller droger',
    );
    for (const alert of alerts) expect(`${alert.message} ${alert.detail ?? ''}`).not.toMatch(ENGLISH);
  });
});
