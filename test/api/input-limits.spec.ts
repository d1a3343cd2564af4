import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn, registerCase } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

/** The 500s that generated input found (issue 10, test/fuzz), each now a 400 naming the field and the rule. */
describe.each(DATABASES)('input beyond the limits is refused with 400, never 500 (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  let activeCaseId: string;
  const admin = () => t.as('administrator');

  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-11-20T10:00:00+01:00');
    caseId = await registerCase(t);
    activeCaseId = await caseIn(t, 'activeVisits');
  });
  afterAll(() => t.close());

  it.each([
    ['/cases', 'secretary'],
    ['/cases/:id/history', 'secretary'],
    ['/alerts', 'secretary'],
    ['/audit', 'administrator'],
    ['/supporters', 'secretary'],
    ['/visits/missing-reports', 'secretary'],
  ] as const)('refuses a paging offset of 1e300 on %s, naming offset and its maximum', async (route, role) => {
    const res = await t
      .as(role)
      .get(`${route.replace(':id', caseId)}?offset=1e300`)
      .expect(400);
    expect(res.body.message).toContain('offset får inte vara större än 1000000.');
  });

  it.each([
    ['a line break', 'SN 2026/1\nBcc: x'],
    ['a character outside the format', 'SN 2026/1; DROP'],
    ['41 characters', 'S'.repeat(41)],
  ])('refuses a diary number with %s, naming the field and its format', async (_what, diaryNumber) => {
    const res = await t.http.post(`/cases/${caseId}/events`).send({ type: 'INITIATE', diaryNumber }).expect(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^diaryNumber ska vara 1–40 bokstäver/)]),
    );
  });

  it('refuses a name with a bidirectional override on the public interest form', async () => {
    const res = await t.anonymous
      .post('/supporters/interest')
      .send({ name: 'Sara \u202EkE', phone: '070-111 22 33', email: 'sara.ek@example.se' })
      .expect(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([expect.stringContaining('name får inte innehålla styrtecken')]),
    );
  });

  it('still pages at the largest offset allowed', async () => {
    const res = await t.http.get('/cases?offset=1000000&limit=200').expect(200);
    expect(res.body.items).toEqual([]);
  });

  it('refuses an event carrying a key named constructor, naming where it was', async () => {
    const res = await t.http
      .post(`/cases/${caseId}/events`)
      .set('content-type', 'application/json')
      .send('{"type":"END_EARLY","reason":"x","a":{"constructor":{"prototype":{}}}}')
      .expect(400);
    expect(res.body.message).toEqual(['Fältet a.constructor är inte tillåtet: constructor är ett reserverat namn.']);
  });

  it.each([
    ['__proto__ at the top of an event', '{"type":"INITIATE","__proto__":{"diaryNumber":"x"}}'],
    [
      'prototype deep inside a registration',
      JSON.stringify({ ...aJudgment(), children: [{ name: 'Alva', x: { y: { prototype: 1 } } }] }),
    ],
  ])('refuses %s', async (_what, text) => {
    const route = text.includes('INITIATE') ? `/cases/${caseId}/events` : '/cases';
    const res = await t.http.post(route).set('content-type', 'application/json').send(text).expect(400);
    expect(res.body.message[0]).toMatch(/^Fältet .*(__proto__|prototype) är inte tillåtet/);
  });

  it('refuses reserved names in the query string too', async () => {
    const res = await t.http.get('/cases?constructor=1').expect(400);
    expect(res.body.message).toEqual(['Fältet constructor är inte tillåtet: constructor är ett reserverat namn.']);
  });

  it('refuses a body nested deeper than any form of the API', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const res = await t.http.post('/cases/search').set('content-type', 'application/json').send(deep).expect(400);
    expect(res.body.message).toEqual(['Fältet a.a.a.a.a.a.a.a.a är nästlat i fler än 8 nivåer.']);
  });

  it('refuses an escaped NUL in the address before it reaches the audit trail or the database', async () => {
    const res = await t.http.get('/cases/%00/interviews').expect(400);
    expect(res.body.message).toEqual(['Adressen får inte innehålla NUL-tecknet (%00).']);
    await t.http.get(`/cases?state=a%00`).expect(400);
  });

  it('refuses a NUL character inside a text field, naming the field', async () => {
    const res = await t.http
      .post(`/cases/${caseId}/events`)
      .send({ type: 'END_EARLY', reasonCategory: 'other', reason: 'a\u0000b' })
      .expect(400);
    expect(res.body.message).toEqual(['Fältet reason får inte innehålla NUL-tecknet.']);
  });

  it.each([
    [
      'participants',
      (): string => `/cases/${activeCaseId}/events`,
      { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-11-20T09:00:00+01:00' },
      'participants ska vara en lista.',
    ],
    [
      'languages',
      (): string => '/supporters',
      { name: 'Karin Lund', phone: '070-123 45 67', email: 'karin.lund@example.se' },
      'languages ska vara en lista.',
    ],
    // A form sends one recipient as a plain field, so a string is read as a list of one.
    [
      'recipients',
      (): string => `/cases/${caseId}/documents`,
      { kind: 'summons', title: 'Kallelse', date: '2026-11-20', author: 'Anna', status: 'final' },
      'Varje värde i recipients får vara högst 120 tecken långt.',
    ],
  ] as const)('refuses a very long string where the %s list belongs', async (field, route, body, message) => {
    const res = await t.http
      .post(route())
      .send({ ...body, [field]: 'x'.repeat(90_000) })
      .expect(400);
    expect(res.body.message).toContain(message);
  });

  it('answers a body of the wrong shape for its event type with each field’s message', async () => {
    const res = await t.http
      .post(`/cases/${activeCaseId}/events`)
      .send({ type: 'LOG_VISIT', reason: 'x', durationMinutes: 1e300 })
      .expect(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'Fältet reason finns inte: ta bort det.',
        'occurredAt ska vara en tidpunkt med tidszon, t.ex. 2026-11-20T09:30:00+01:00.',
        'durationMinutes får inte vara större än 1440.',
      ]),
    );
  });

  it('keeps the audit and case lists answering after all of it', async () => {
    await admin().get('/audit?limit=1').expect(200);
    await t.http.get(`/cases/${caseId}/history`).expect(200);
  });
});
