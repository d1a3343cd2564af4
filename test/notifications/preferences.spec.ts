import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isWorkingDay } from '../../src/notifications/working-days.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(['postgres'] as const)('notification preferences (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
  });
  afterAll(async () => {
    await t.close();
  });

  it('tells a secretary of stopped visits, failing deadlines and periods ended before visits at once, and of the rest in the digest, until they choose otherwise', async () => {
    const res = await t.as('secretary', { sub: 'dora' }).get('/staff/me/notifications').expect(200);
    expect(res.body.modes).toEqual({
      supporterNotAppointed: 'digest',
      summonsNotSent: 'digest',
      startupMeetingNotHeld: 'digest',
      visitsNotStarted: 'digest',
      visitReportMissing: 'digest',
      noRecentVisit: 'digest',
      followUpNotHeld: 'digest',
      closingMeetingNotHeld: 'digest',
      evaluationNotSubmitted: 'digest',
      notArchived: 'digest',
      deadlineFailed: 'immediate',
      visitStopped: 'immediate',
      periodEndedBeforeVisits: 'immediate',
    });
    expect(res.body.defaults).toEqual(res.body.modes);
  });

  it('keeps each person’s choices apart and changes only the kinds sent', async () => {
    const erik = t.as('secretary', { sub: 'erik' });
    await erik.put('/staff/me/notifications').send({ notArchived: 'off', visitStopped: 'digest' }).expect(200);
    const changed = await erik.put('/staff/me/notifications').send({ visitStopped: 'immediate' }).expect(200);
    expect(changed.body.modes).toMatchObject({
      notArchived: 'off',
      visitStopped: 'immediate',
      visitReportMissing: 'digest',
    });
    expect((await erik.get('/staff/me/notifications').expect(200)).body.modes).toEqual(changed.body.modes);
    expect(
      (await t.as('secretary', { sub: 'fia' }).get('/staff/me/notifications').expect(200)).body.modes.notArchived,
    ).toBe('digest');
    await t
      .as('administrator', { sub: 'erik-admin' })
      .put('/staff/me/notifications')
      .send({ deadlineFailed: 'off' })
      .expect(200);
  });

  it('refuses an unknown alert kind or mode with 400 naming it, and lets no supporter in', async () => {
    const secretary = t.as('secretary', { sub: 'gustav' });
    const unknownKind = await secretary.put('/staff/me/notifications').send({ coffeeBreak: 'off' }).expect(400);
    expect(JSON.stringify(unknownKind.body)).toContain('coffeeBreak');
    const badMode = await secretary.put('/staff/me/notifications').send({ visitStopped: 'sometimes' }).expect(400);
    expect(JSON.stringify(badMode.body)).toContain(
      'visitStopped ska vara ett av följande värden: immediate, digest, off.',
    );
    // Found by the OpenAPI fuzz test: a null mode reached the database and answered 500.
    const noMode = await secretary
      .put('/staff/me/notifications')
      .send({ visitStopped: null, periodEndedBeforeVisits: 'immediate' })
      .expect(400);
    expect(JSON.stringify(noMode.body)).toContain(
      'visitStopped ska vara ett av följande värden: immediate, digest, off.',
    );
    expect((await secretary.get('/staff/me/notifications').expect(200)).body.modes.visitStopped).toBe('immediate');
    await t
      .as('supporter', { supporterId: '00000000-0000-4000-8000-000000000000' })
      .get('/staff/me/notifications')
      .expect(403);
    await t.anonymous.get('/staff/me/notifications').expect(401);
  });
});

describe('the digest’s working days', () => {
  it('are Monday to Friday except the Swedish public holidays and the eves the office is closed', () => {
    const open = ['2026-12-01', '2026-12-23', '2027-01-07', '2027-03-25', '2027-06-24'];
    expect(open.filter(isWorkingDay)).toEqual(open);
    // Saturday, Sunday, Christmas Eve, New Year's Day, Good Friday and Easter Monday 2027, Ascension Day, Midsummer Eve, National Day.
    const closed = [
      '2026-12-05',
      '2026-12-06',
      '2026-12-24',
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-06',
      '2027-06-25',
      '2028-06-06',
    ];
    expect(closed.filter(isWorkingDay)).toEqual([]);
  });
});
