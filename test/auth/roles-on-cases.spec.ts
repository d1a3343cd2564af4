import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn } from '../support/case-steps.js';
import { textWithoutIds } from '../support/personal-data-scan.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const visit = { type: 'LOG_VISIT', occurredAt: '2026-12-01T10:00:00+01:00', durationMinutes: 90, outcome: 'completed' };

describe.each(['sqlite'] as const)('what each role sees and does in a case (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  let supporterId: string;

  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-12-15T12:00:00+01:00');
    caseId = await caseIn(t, 'activeVisits');
    supporterId = (await t.http.get(`/cases/${caseId}`).expect(200)).body.progress.supporter.supporterId;
  });
  afterAll(() => t.close());

  it('shows the appointed supporter first names, names and visit times, never a personnummer', async () => {
    const supporter = t.as('supporter', { sub: 'karin', supporterId });
    await supporter.post(`/cases/${caseId}/events`).send(visit).expect(200);
    const res = await supporter.get(`/cases/${caseId}`).expect(200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(res.body).toEqual({
      id: caseId,
      state: 'activeVisits',
      subState: null,
      version: expect.any(Number),
      period: { start: '2026-11-16', end: '2027-11-15' },
      children: [{ firstName: 'Alva' }],
      residentParent: { name: 'Maria' },
      visitingParent: { name: 'Johan' },
      visits: [
        {
          id: expect.any(String),
          occurredAt: '2026-12-01T09:00:00.000Z',
          durationMinutes: 90,
          outcome: 'completed',
          stopReason: null,
          cancelledBy: null,
          absenceReason: null,
          reportAwaited: true,
        },
      ],
      allowedEvents: ['LOG_VISIT'],
    });
    expect(textWithoutIds(res.body)).not.toMatch(/personnummer|\d{6}-?\d{4}|\*\*\*\*/);
  });

  it('answers 404 for a case the supporter is not appointed to, as if it did not exist', async () => {
    const other = t.as('supporter', { sub: 'olle', supporterId: '11111111-1111-4111-8111-111111111111' });
    const seen = await other.get(`/cases/${caseId}`).expect(404);
    const missing = await other.get('/cases/00000000-0000-4000-8000-000000000000').expect(404);
    expect(seen.body).toEqual(missing.body);
    await other.post(`/cases/${caseId}/events`).send(visit).expect(404);
    await t.as('supporter', { sub: 'nobody' }).get(`/cases/${caseId}`).expect(404);
  });

  it('lets a supporter log visits only: any other event is refused with 403 and changes nothing', async () => {
    const supporter = t.as('supporter', { sub: 'karin', supporterId });
    const before = (await t.http.get(`/cases/${caseId}`)).body.version;
    await supporter
      .post(`/cases/${caseId}/events`)
      .send({ type: 'END_EARLY', reasonCategory: 'other', reason: 'I decided' })
      .expect(403);
    await supporter.get(`/cases/${caseId}/history`).expect(403);
    expect((await t.http.get(`/cases/${caseId}`)).body.version).toBe(before);
  });

  it('lists to a supporter only the cases they are appointed to', async () => {
    const own = await t.as('supporter', { sub: 'karin', supporterId }).get('/cases').expect(200);
    expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect(own.body.total).toBe(1);
    const other = t.as('supporter', { sub: 'olle', supporterId: '11111111-1111-4111-8111-111111111111' });
    expect((await other.get('/cases').expect(200)).body).toEqual({ items: [], total: 0, next: null });
    expect((await t.as('supporter', { sub: 'nobody' }).get('/cases').expect(200)).body.items).toEqual([]);
  });

  it('lets the administrator archive and see where cases stand, without parties; other events 403', async () => {
    const admin = t.as('administrator', { sub: 'arkiv' });
    const view = await admin.get(`/cases/${caseId}`).expect(200);
    expect(view.body).not.toHaveProperty('parties');
    expect(JSON.stringify(view.body)).not.toMatch(/Alva|Maria|Johan/);
    await admin
      .post(`/cases/${caseId}/events`)
      .send({ type: 'END_EARLY', reasonCategory: 'other', reason: 'x' })
      .expect(403);
    await admin.get('/cases').expect(200);

    // The supporter's report on their visit is in: nothing keeps the case from the archive.
    const [logged] = (await t.http.get(`/cases/${caseId}/visits`).expect(200)).body.visits;
    await t
      .as('supporter', { sub: 'karin', supporterId })
      .post(`/cases/${caseId}/visits/${logged.id}/reports`)
      .send({ text: 'Lugnt umgänge.' })
      .expect(201);
    await t.http
      .post(`/cases/${caseId}/events`)
      .send({ type: 'END_EARLY', reasonCategory: 'other', reason: 'The parents go on without support' })
      .expect(200);
    await t.http
      .post(`/cases/${caseId}/events`)
      .send({ type: 'HOLD_CLOSING_MEETING', heldAt: '2026-12-10T10:00:00+01:00' })
      .expect(200);
    const archived = await admin
      .post(`/cases/${caseId}/events`)
      .send({ type: 'ARCHIVE', terminationDecidedAt: '2026-12-12T10:00:00+01:00' })
      .expect(200);
    expect(archived.body).toMatchObject({ state: 'archived', allowedEvents: [] });
    const history = await t.http.get(`/cases/${caseId}/history`).expect(200);
    expect(history.body.items.at(-1)).toMatchObject({ type: 'ARCHIVE', by: { id: 'arkiv', role: 'administrator' } });
    // The assignment is over: the archived case is no longer the supporter's to see.
    await t.as('supporter', { sub: 'karin', supporterId }).get(`/cases/${caseId}`).expect(404);
  });

  it('records who did what under the identity in the token', async () => {
    const history = await t.http.get(`/cases/${caseId}/history`).expect(200);
    expect(history.body.items.find((e: { type: string }) => e.type === 'LOG_VISIT')).toMatchObject({
      by: { id: 'karin', role: 'supporter' },
    });
    expect(history.body.items[0]).toMatchObject({ type: 'REGISTER', by: { id: 'test-secretary', role: 'secretary' } });
  });

  it('gives the developer nothing of a case', async () => {
    const developer = t.as('developer');
    await developer.get(`/cases/${caseId}`).expect(403);
    await developer.get('/cases').expect(403);
    await developer.post('/cases/search').send({ personnummer: '191212121212' }).expect(403);
  });
});
