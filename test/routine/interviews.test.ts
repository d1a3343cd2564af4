import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aChildPersonnummer } from '../support/test-people.js';
import { caseIn } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DATABASES)('child interviews (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp({ database });
    caseId = await caseIn(t, 'startupMeeting', {
      children: [
        { name: 'Alva', personnummer: aChildPersonnummer() },
        { name: 'Nils', personnummer: aChildPersonnummer() },
      ],
    });
  });
  afterAll(() => t.close());

  const interview = (child: number, step: string) => t.http.post(`/cases/${caseId}/interviews/${child}/${step}`);

  it('books and holds an interview only for a child whose consent was given', async () => {
    const refused = await interview(1, 'booking').send({ bookedFor: '2026-12-02T15:00:00+01:00' }).expect(422);
    expect(refused.body.rule).toBe('childInterviewOrder');
    expect(refused.body.message).toContain('consent');

    await interview(0, 'consent').send({ givenOn: '2026-11-24', atStartupMeeting: true }).expect(200);
    await interview(0, 'held').send({ heldAt: '2026-12-02T15:00:00+01:00', notes: 'x' }).expect(422);
    await interview(0, 'booking').send({ bookedFor: '2026-12-02T15:00:00+01:00' }).expect(200);
    const held = await interview(0, 'held').send({ heldAt: '2026-12-02T15:10:00+01:00', notes: 'Alva berättade om skolan.' }).expect(200);
    expect(held.body).toMatchObject({ childIndex: 0, name: 'Alva', status: 'held', consent: { givenOn: '2026-11-24', atStartupMeeting: true }, notes: 'Alva berättade om skolan.' });
  });

  it('records a declined interview, after which it cannot be booked', async () => {
    await interview(1, 'declined').send({ declinedAt: '2026-11-25T09:00:00+01:00', reason: 'Nils vill inte just nu' }).expect(200);
    await interview(1, 'booking').send({ bookedFor: '2026-12-02T15:00:00+01:00' }).expect(422);
    const list = await t.http.get(`/cases/${caseId}/interviews`).expect(200);
    expect(list.body.items.map((i: { name: string; status: string }) => [i.name, i.status])).toEqual([
      ['Alva', 'held'],
      ['Nils', 'declined'],
    ]);
  });

  it('answers 404 for a child the judgment does not name', async () => {
    await interview(5, 'consent').send({ givenOn: '2026-11-24', atStartupMeeting: false }).expect(404);
  });
});
