import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aChildPersonnummer } from '../support/test-people.js';
import { caseIn, send } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DATABASES)('child interviews (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-11-25T12:00:00+01:00');
    caseId = await caseIn(t, 'startupMeeting', {
      children: [
        { name: 'Alva', personnummer: aChildPersonnummer() },
        { name: 'Nils', personnummer: aChildPersonnummer(), custody: 'residentParent' },
      ],
    });
  });
  afterAll(() => t.close());

  const interview = (child: number, step: string) => t.http.post(`/cases/${caseId}/interviews/${child}/${step}`);
  const consent = (child: number, guardian: string, givenOn = '2026-11-24') =>
    interview(child, 'consent').send({ guardian, givenOn, atStartupMeeting: true });

  it('needs the consent of both parents for a child in joint custody before booking', async () => {
    const one = await consent(0, 'residentParent').expect(200);
    expect(one.body).toMatchObject({
      status: 'noConsent',
      custody: 'joint',
      consent: { complete: false, needed: ['residentParent', 'visitingParent'] },
    });
    const refused = await interview(0, 'booking').send({ bookedFor: '2026-12-02T15:00:00+01:00' }).expect(422);
    expect(refused.body.rule).toBe('childInterviewConsent');
    await consent(0, 'residentParent').expect(422);
    const both = await consent(0, 'visitingParent', '2026-11-25').expect(200);
    expect(both.body).toMatchObject({ status: 'consented', consent: { complete: true } });
    expect(both.body.consent.records).toEqual([
      { guardian: 'residentParent', givenOn: '2026-11-24', atStartupMeeting: true, withdrawnOn: null },
      { guardian: 'visitingParent', givenOn: '2026-11-25', atStartupMeeting: true, withdrawnOn: null },
    ]);
    await interview(0, 'booking').send({ bookedFor: '2026-12-02T15:00:00+01:00' }).expect(200);
  });

  it('takes consent for a child in one parent’s custody from that parent alone', async () => {
    const other = await consent(1, 'visitingParent').expect(422);
    expect(other.body).toMatchObject({ rule: 'guardianHasCustody', field: 'guardian' });
    const res = await consent(1, 'residentParent').expect(200);
    expect(res.body).toMatchObject({ status: 'consented', consent: { complete: true, needed: ['residentParent'] } });
  });

  it('derives the start-up meeting’s consent from the records, and refuses a separate yes/no', async () => {
    const meeting = {
      type: 'HOLD_STARTUP_MEETING',
      heldAt: '2026-11-24T13:00:00+01:00',
      enrollmentFormSigned: true,
      rulesAccepted: true,
    };
    const refused = await send(t, caseId, { ...meeting, childInterviewConsent: false }, 400);
    expect(JSON.stringify(refused.body.message)).toContain('childInterviewConsent');
    const held = await send(t, caseId, meeting);
    expect(held.body.progress.startupMeeting.childInterviewConsent).toBe(true);

    const without = await caseIn(t, 'startupMeeting.held');
    expect((await t.http.get(`/cases/${without}`).expect(200)).body.progress.startupMeeting.childInterviewConsent).toBe(
      false,
    );
  });

  it('lets a guardian withdraw consent, after which the interview cannot be held until it is given again', async () => {
    t.clock.setNow('2026-12-10T12:00:00+01:00');
    await interview(0, 'consent/withdrawal')
      .send({ guardian: 'visitingParent', withdrawnOn: '2026-11-20' })
      .expect(422);
    const withdrawn = await interview(0, 'consent/withdrawal')
      .send({ guardian: 'visitingParent', withdrawnOn: '2026-12-01' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'booked', consent: { complete: false } });
    await interview(0, 'consent/withdrawal')
      .send({ guardian: 'visitingParent', withdrawnOn: '2026-12-01' })
      .expect(422);
    const refused = await interview(0, 'held').send({ heldAt: '2026-12-02T15:10:00+01:00', notes: 'x' }).expect(422);
    expect(refused.body.rule).toBe('childInterviewConsent');
    const again = await consent(0, 'visitingParent', '2026-12-01').expect(200);
    expect(again.body.consent.records.map((r: { withdrawnOn: string | null }) => r.withdrawnOn)).toEqual([
      null,
      '2026-12-01',
      null,
    ]);
  });

  it('marks an interview held only at or after its booked time and never in the future', async () => {
    const early = await interview(0, 'held').send({ heldAt: '2026-12-02T14:59:00+01:00', notes: 'x' }).expect(422);
    expect(early.body).toMatchObject({ rule: 'heldAfterBooking', field: 'heldAt' });
    await interview(0, 'booking').send({ bookedFor: '2026-12-12T15:00:00+01:00' }).expect(200);
    const future = await interview(0, 'held').send({ heldAt: '2026-12-12T15:00:00+01:00', notes: 'x' }).expect(422);
    expect(future.body).toMatchObject({ rule: 'interviewHasHappened', field: 'heldAt' });
    t.clock.setNow('2026-12-12T16:00:00+01:00');
    const held = await interview(0, 'held')
      .send({ heldAt: '2026-12-12T15:05:00+01:00', notes: 'Alva berättade om skolan.' })
      .expect(200);
    expect(held.body).toMatchObject({
      childIndex: 0,
      name: 'Alva',
      status: 'held',
      notes: 'Alva berättade om skolan.',
    });
  });

  it('records a declined interview, after which it cannot be booked', async () => {
    await interview(1, 'declined')
      .send({ declinedAt: '2026-11-25T09:00:00+01:00', reason: 'Nils vill inte just nu' })
      .expect(200);
    await interview(1, 'booking').send({ bookedFor: '2026-12-20T15:00:00+01:00' }).expect(422);
    const list = await t.http.get(`/cases/${caseId}/interviews`).expect(200);
    expect(list.body.items.map((i: { name: string; status: string }) => [i.name, i.status])).toEqual([
      ['Alva', 'held'],
      ['Nils', 'declined'],
    ]);
  });

  it('records a guardian’s consent once and keeps one interview when the same is sent several times at once', async () => {
    const racing = await caseIn(t, 'startupMeeting', {
      children: [{ name: 'Ella', personnummer: aChildPersonnummer(), custody: 'residentParent' }],
    });
    const step = (name: string) => t.http.post(`/cases/${racing}/interviews/0/${name}`);
    const consents = await Promise.all(
      Array.from({ length: 4 }, () =>
        step('consent').send({ guardian: 'residentParent', givenOn: '2026-11-24', atStartupMeeting: true }),
      ),
    );
    expect(consents.map((res) => res.status).sort()).toEqual([200, 422, 422, 422]);
    for (const refused of consents.filter((res) => res.status === 422)) expect(refused.body.rule).toBe('consentOnce');
    // Booking again before the interview is held moves it: every booking is taken, one after the other, on one interview.
    const bookings = await Promise.all(
      Array.from({ length: 4 }, () => step('booking').send({ bookedFor: '2026-12-02T15:00:00+01:00' })),
    );
    expect(bookings.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    const [child] = (await t.http.get(`/cases/${racing}/interviews`).expect(200)).body.items;
    expect(child).toMatchObject({
      status: 'booked',
      consent: { records: [expect.objectContaining({ guardian: 'residentParent' })] },
    });
    expect(child.consent.records).toHaveLength(1);
  });

  it('answers 404 for a child the judgment does not name', async () => {
    await consent(5, 'residentParent').expect(404);
  });
});
