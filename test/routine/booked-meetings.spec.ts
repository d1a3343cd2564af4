import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays } from '../../machines/period.js';
import { registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { ADDRESSES, generateLetters, prepareLetterhead } from '../support/letter-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * Routine step 9: "Tider bokas för uppföljning vid halvtid samt vid avslut". The follow-up at half
 * time and the closing meeting are booked ahead and summoned like the start-up meeting.
 */

const FOLLOW_UP = { meetingAt: '2027-05-18T13:00:00+02:00', place: 'Familjerätten, Stationsgatan 12' };

describe.each(['postgres'] as const)('the follow-up and closing meetings booked ahead (%s)', (database) => {
  let t: TestApp;

  /** A case with both parents' addresses, its visits started. */
  async function caseWithVisits(resident: Record<string, unknown> = {}): Promise<string> {
    const judgment = aJudgment();
    const res = await t.http
      .post('/cases')
      .send({
        ...judgment,
        residentParent: { ...judgment.residentParent, name: 'Maria Ödman', address: ADDRESSES.resident, ...resident },
        visitingParent: { ...judgment.visitingParent, name: 'Johan Lind', address: ADDRESSES.visiting },
      })
      .expect(201);
    const caseId = res.body.id as string;
    // A supporter of its own: one supporter's capacity would not take every case here.
    const supporterId = await registerSupporter(t);
    for (const event of stepsTo('activeVisits', supporterId)) await send(t, caseId, event);
    return caseId;
  }

  const bookFollowUp = (over: Record<string, unknown> = {}) => ({
    type: 'BOOK_MEETING',
    kind: 'midpointFollowUp',
    ...FOLLOW_UP,
    sentOn: '2026-12-01',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-12-01T12:00:00+01:00');
    await prepareLetterhead(t);
  });
  afterAll(() => t.close());

  it('writes no follow-up summons before the meeting is booked', async () => {
    const caseId = await caseWithVisits();
    const res = await t.http.post(`/cases/${caseId}/documents/letters`).send({ kind: 'followUpSummons' }).expect(422);
    expect(res.body).toMatchObject({ rule: 'meetingBooked', field: 'kind' });
    expect(res.body.message).toContain('uppföljningsmötet har bokats');
  });

  it('books the follow-up meeting and summons both parents and the supporter to it', async () => {
    const caseId = await caseWithVisits();
    const booked = await send(t, caseId, bookFollowUp());
    expect(booked.body.progress.meetings.midpointFollowUp).toEqual({
      ...FOLLOW_UP,
      bookedAt: expect.stringMatching(/^2026-12-01T11:00/),
      sentOn: '2026-12-01',
    });
    const letters = await generateLetters(t, caseId, { kind: 'followUpSummons' });
    expect(letters.map((l) => l.recipients[0]).sort()).toEqual(['Johan Lind', 'Karin Lund', 'Maria Ödman']);
    for (const letter of letters) {
      expect(letter.title).toMatch(/^Umgängesstöd, kallelse till uppföljningsmöte/);
      expect(letter.text).toMatch(/18 maj 2027/);
      expect(letter.text).toContain('Stationsgatan 12');
    }
  });

  it('refuses a summons sent in the future or a meeting not after it, naming field and rule, writing nothing', async () => {
    const caseId = await caseWithVisits();
    const before = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    const future = await send(t, caseId, bookFollowUp({ sentOn: '2026-12-02' }), 422);
    expect(future.body).toMatchObject({ rule: 'summonsSentNotInFuture', field: 'sentOn' });
    expect(future.body.message).toBe('Dagen kallelsen skickades kan inte ligga i framtiden.');
    const past = await send(t, caseId, bookFollowUp({ meetingAt: '2026-11-30T13:00:00+01:00' }), 422);
    expect(past.body).toMatchObject({ rule: 'meetingAfterSummons', field: 'meetingAt' });
    expect(past.body.message).toBe('Mötet ska ligga efter den dag kallelsen skickades.');
    const after = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(after.version).toBe(before.version);
    expect(after.progress.meetings).toBeUndefined();
  });

  it('counts the closing meeting’s reminder from the booked meeting, and summons to it', async () => {
    const caseId = await caseWithVisits();
    const closing = await send(t, caseId, {
      type: 'END_EARLY',
      reasonCategory: 'parentsAgreed',
      reason: 'Föräldrarna är överens',
    });
    const reminderDue = (view: { deadlines: { kind: string; dueAt: string; status: string }[] }) =>
      view.deadlines.find((d) => d.kind === 'closingMeetingNotHeld' && d.status === 'pending')?.dueAt;
    expect(reminderDue(closing.body)).toBe(addDays(closing.body.progress.closing.startedAt, 21));

    const meetingAt = '2026-12-15T10:00:00+01:00';
    const booked = await send(t, caseId, { type: 'BOOK_MEETING', kind: 'closing', meetingAt });
    expect(booked.body.progress.meetings.closing).toMatchObject({ meetingAt, sentOn: '2026-12-01' });
    expect(reminderDue(booked.body)).toBe(addDays(meetingAt, 21));

    const letters = await generateLetters(t, caseId, { kind: 'closingSummons' });
    expect(letters).toHaveLength(3);
    for (const letter of letters) expect(letter.text).toMatch(/avslutningsmöte.*15 december 2026/);
  });

  it('meets a parent with a marked risk alone: no joint booking, and no letter to anyone else says where or when she will be', async () => {
    const caseId = await caseWithVisits();
    const view = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    await t.http
      .put(`/cases/${caseId}/parties/${view.parties.residentParent.id}`)
      .send({ meetingRisk: true })
      .expect(200);

    const joint = await send(t, caseId, bookFollowUp(), 422);
    expect(joint.body).toMatchObject({ rule: 'separateMeetings', field: 'meetingAt' });

    await send(
      t,
      caseId,
      bookFollowUp({
        meetingAt: undefined,
        place: undefined,
        individualMeetings: [
          { party: 'residentParent', meetingAt: '2027-05-18T09:00:00+02:00', place: 'Rådhuset, rum 4' },
          { party: 'visitingParent', meetingAt: '2027-05-19T13:00:00+02:00', place: 'Familjerätten, Stationsgatan 8' },
        ],
      }),
    );
    const letters = await generateLetters(t, caseId, { kind: 'followUpSummons' });
    const hers = letters.find((l) => l.recipients.includes('Maria Ödman'))!;
    expect(hers.text).toMatch(/18 maj 2027/);
    expect(hers.text).toContain('Rådhuset');
    const others = letters.filter((l) => l !== hers);
    expect(others).toHaveLength(2);
    for (const letter of others) {
      expect(letter.text).not.toMatch(/18 maj 2027/);
      expect(letter.text).not.toContain('Rådhuset');
    }
    expect(others.find((l) => l.recipients.includes('Johan Lind'))!.text).toMatch(/19 maj 2027/);
  });
});
