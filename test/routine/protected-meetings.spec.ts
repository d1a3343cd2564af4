import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerSupporter, send } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { ADDRESSES, generateLetters, prepareLetterhead } from '../support/letter-support.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

/** The protected mother's own meeting: neither its time nor its place may reach anyone else. */
const HER_MEETING = { party: 'residentParent', meetingAt: '2026-12-15T13:00:00+01:00', place: 'Rådhuset, rum 4' };
const HIS_MEETING = {
  party: 'visitingParent',
  meetingAt: '2026-12-16T10:00:00+01:00',
  place: 'Familjerätten, Stationsgatan 8',
};
const HER_TRACES = [/15 december 2026/, /13\.00/, /Rådhuset/];

describe.each(DATABASES)('a protected parent through the routine (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  let supporterId: string;
  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-12-10T12:00:00+01:00');
    await prepareLetterhead(t);
    supporterId = await registerSupporter(t);
    const judgment = aJudgment();
    const registered = await t.http
      .post('/cases')
      .send({
        ...judgment,
        residentParent: { ...judgment.residentParent, name: 'Maria Ödman', protection: 'skyddadFolkbokforing' },
        visitingParent: { ...judgment.visitingParent, name: 'Johan Lind', address: ADDRESSES.visiting },
      })
      .expect(201);
    caseId = registered.body.id;
    await send(t, caseId, { type: 'INITIATE', diaryNumber: 'SN 2026/0099' });
    await send(t, caseId, { type: 'APPOINT_SUPPORTER', supporterId, decidedAt: '2026-12-01T10:00:00+01:00' });
  });
  afterAll(() => t.close());

  it('marks the case clearly and refuses a joint start-up meeting', async () => {
    const view = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    expect(view.separateMeetings).toBe(true);
    expect(view.parties.residentParent.protection).toBe('skyddadFolkbokforing');
    const joint = await send(t, caseId, { type: 'SEND_SUMMONS', meetingAt: '2026-12-15T13:00:00+01:00' }, 422);
    expect(joint.body).toMatchObject({ rule: 'separateMeetings', field: 'meetingAt' });
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.state).toBe('supporterAppointed');
  });

  it('plans and holds the start-up meeting as one meeting per parent, starting visits once both were held', async () => {
    await send(t, caseId, {
      type: 'SEND_SUMMONS',
      individualMeetings: [HER_MEETING, HIS_MEETING],
      sentOn: '2026-12-08',
    });
    const held = (party: string, heldAt: string) => ({
      type: 'HOLD_STARTUP_MEETING',
      party,
      heldAt,
      enrollmentFormSigned: true,
      rulesAccepted: true,
    });
    t.clock.setNow('2026-12-16T12:00:00+01:00');
    await send(t, caseId, held('residentParent', '2026-12-15T13:00:00+01:00'));
    const early = await send(
      t,
      caseId,
      { type: 'START_VISITS', documentCopiesSentAt: '2026-12-16T09:00:00+01:00' },
      422,
    );
    expect(early.body.message).toContain('enskilda möte');
    const both = await send(t, caseId, held('visitingParent', '2026-12-16T10:00:00+01:00'));
    expect(both.body.progress.startupMeeting.individual).toMatchObject({
      residentParent: { heldAt: '2026-12-15T13:00:00+01:00', enrollmentFormSigned: true },
      visitingParent: { heldAt: '2026-12-16T10:00:00+01:00', rulesAccepted: true },
    });
    await send(t, caseId, { type: 'START_VISITS', documentCopiesSentAt: '2026-12-16T11:00:00+01:00' });
  });

  it('lets no letter to the other parent or the supporter, and no view of the supporter, say where or when she will be', async () => {
    const reaching: string[] = [];
    for (const kind of ['supporterDecision', 'summons']) {
      const letters = await generateLetters(t, caseId, { kind });
      reaching.push(...letters.filter((l) => !l.recipients.includes('Maria Ödman')).map((l) => l.text));
    }
    const supporter = t.as('supporter', { supporterId });
    reaching.push((await supporter.get(`/cases/${caseId}`).expect(200)).text);
    reaching.push((await supporter.get('/supporters/me/visit-plans').expect(200)).text);
    expect(reaching.length).toBeGreaterThan(3);
    for (const text of reaching) for (const trace of HER_TRACES) expect(text).not.toMatch(trace);
  });
});
