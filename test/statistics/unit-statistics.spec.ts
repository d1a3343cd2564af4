import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { protectedGroup } from '../../src/statistics/statistics-figures.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';
import { BUILD_TIMEOUT_MS, buildCase, HAND_BUILT } from './statistics-support.js';

describe.each(DATABASES)("the unit's statistics (%s)", (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ database });
    for (const plan of HAND_BUILT) await buildCase(t, plan);
    t.clock.setNow('2026-12-01T09:00:00+01:00');
  }, BUILD_TIMEOUT_MS);
  afterAll(() => t.close());

  it('counts the hand-built cases for the year, with every group under five shown as "<5"', async () => {
    const res = await t.as('administrator').get('/statistics?from=2026-01-01&to=2026-12-31').expect(200);
    expect(res.body).toEqual({
      period: { from: '2026-01-01', to: '2026-12-31' },
      suppression: { below: 5, shownAs: '<5', withheldAs: '..' },
      cases: {
        opened: 6,
        closed: 5,
        endedBy: { periodEnded: '<5', endedEarly: '<5' },
        endedEarlyByReason: {
          courtChangedOrder: 0,
          parentsAgreed: 0,
          childMoved: 0,
          visitingParentStopped: 0,
          childDeclined: 0,
          other: '<5',
        },
        evaluated: 0,
        archived: 0,
      },
      daysFromJudgmentReceived: {
        supporterAppointed: { cases: 6, medianDays: 6.5, p90Days: 30 },
        startupMeeting: { cases: 5, medianDays: 14, p90Days: 18 },
        firstVisit: { cases: '<5', medianDays: '<5', p90Days: '<5' },
      },
      visits: {
        held: 5,
        stopped: '<5',
        stoppedByReason: { visitingParentIntoxicated: 0, childUnwell: '<5', other: 0 },
        cancelled: '<5',
        notAttended: '<5',
      },
      reminders: {
        raised: '<5',
        byKind: {
          supporterNotAppointed: '<5',
          summonsNotSent: 0,
          startupMeetingNotHeld: 0,
          visitsNotStarted: 0,
          visitReportMissing: 0,
          noRecentVisit: 0,
          followUpNotHeld: 0,
          closingMeetingNotHeld: 0,
          evaluationNotSubmitted: 0,
          notArchived: 0,
        },
        stillOpen: 0,
        daysOpen: { cases: '<5', medianDays: '<5', p90Days: '<5' },
      },
      supporters: {
        active: 6,
        casesPerSupporter: { median: '<5', max: '<5' },
        visitsPerSupporter: { median: '<5', max: '<5' },
      },
    });
  });

  it('counts only what happened within the period asked for, widened to whole calendar months', async () => {
    const february = (await t.http.get('/statistics?from=2026-02-01&to=2026-02-10').expect(200)).body;
    expect(february.period).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(february.cases).toMatchObject({ opened: 6, closed: 0 });
    expect(february.daysFromJudgmentReceived.supporterAppointed).toEqual({ cases: 5, medianDays: 6.5, p90Days: 10 });
    expect(february.visits).toMatchObject({ held: '<5', stopped: 0 });
    const autumn = (await t.http.get('/statistics?from=2026-09-01&to=2026-09-30').expect(200)).body;
    expect(autumn.cases).toMatchObject({ opened: 0, closed: '<5', endedBy: { periodEnded: '<5', endedEarly: 0 } });
  });

  it('widens a one-day window to its month, so a day and the reason of a stop on it cannot be told', async () => {
    const day = (await t.http.get('/statistics?from=2026-02-03&to=2026-02-03').expect(200)).body;
    const month = (await t.http.get('/statistics?from=2026-02-01&to=2026-02-28').expect(200)).body;
    expect(day).toEqual(month);
  });

  it('shows no count under five exactly, anywhere', async () => {
    for (const query of [
      'from=2026-01-01&to=2026-12-31',
      'from=2026-02-01&to=2026-02-10',
      'from=2026-09-01&to=2026-09-30',
    ]) {
      const { body } = await t.http.get(`/statistics?${query}`).expect(200);
      const exactSmall: string[] = [];
      const walk = (value: unknown, path: string) => {
        if (typeof value === 'number' && value > 0 && value < 5) exactSmall.push(`${path}=${value}`);
        if (value && typeof value === 'object')
          for (const [key, item] of Object.entries(value))
            if (!['medianDays', 'p90Days', 'suppression'].includes(key)) walk(item, `${path}.${key}`);
      };
      walk(body, query);
      expect(exactSmall).toEqual([]);
    }
  });

  it('answers CSV with semicolons and decimal commas for Accept: text/csv and for format=csv', async () => {
    const byHeader = await t.http
      .get('/statistics?from=2026-01-01&to=2026-12-31')
      .set('Accept', 'text/csv')
      .expect(200);
    expect(byHeader.headers['content-type']).toMatch(/^text\/csv/);
    const lines = byHeader.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Avsnitt;Mått;Värde');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Ärenden;öppnade;6',
        'Ärenden;avslutade i förtid;<5',
        'Ärenden;avslutade i förtid: annat skäl;<5',
        'Ärenden;avslutade i förtid: tingsrätten har ändrat domen;0',
        'Dagar från mottagen dom;umgängesstödjare utsedd: median;6,5',
        'Dagar från mottagen dom;första besök: median;<5',
        'Besök;genomförda;5',
        'Umgängesstödjare;aktiva;6',
      ]),
    );
    const byQuery = await t.http.get('/statistics?from=2026-01-01&to=2026-12-31&format=csv').expect(200);
    expect(byQuery.text).toBe(byHeader.text);
  });

  it('is for administrators and secretaries, and refuses a bad period naming the field', async () => {
    await t.as('supporter').get('/statistics').expect(403);
    await t.as('developer').get('/statistics').expect(403);
    await t.anonymous.get('/statistics').expect(401);
    const bad = await t.http.get('/statistics?from=2026-13-01').expect(400);
    expect(JSON.stringify(bad.body)).toContain('from ska vara ett datum');
    const reversed = await t.http.get('/statistics?from=2026-12-01&to=2026-11-01').expect(400);
    expect(JSON.stringify(reversed.body)).toContain('from ska vara samma dag som eller före to');
    await t.http.get('/statistics?format=xml').expect(400);
  });
});

describe('a longer minimum window (STATISTICS_MIN_MONTHS)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { STATISTICS_MIN_MONTHS: '3' } });
  });
  afterAll(() => t.close());

  it('widens a shorter window to that many whole months, ending with the month asked for', async () => {
    const { body } = await t.http.get('/statistics?from=2026-05-20&to=2026-05-21').expect(200);
    expect(body.period).toEqual({ from: '2026-03-01', to: '2026-05-31' });
  });
});

describe('complementary suppression', () => {
  it('withholds the smallest exact part beside a single "<5", so the total cannot give it away', () => {
    expect(protectedGroup(12, { a: '<5', b: 0, c: 7, d: 9 })).toEqual({
      total: 12,
      parts: { a: '<5', b: 0, c: '..', d: 9 },
    });
    expect(protectedGroup(12, { a: '<5', b: '<5', c: 9 })).toEqual({ total: 12, parts: { a: '<5', b: '<5', c: 9 } });
    expect(protectedGroup('<5', { a: '<5', b: 0 })).toEqual({ total: '<5', parts: { a: '<5', b: 0 } });
    expect(protectedGroup(5, { a: '<5', b: 0 })).toEqual({ total: '..', parts: { a: '<5', b: 0 } });
  });
});
