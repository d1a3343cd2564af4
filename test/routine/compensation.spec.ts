import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(['postgres'] as const)('supporters’ compensation (%s)', (database) => {
  let t: TestApp;
  let karin: string;
  let nils: string;
  beforeAll(async () => {
    t = await startTestApp({
      database,
      env: { COMPENSATION_RATE_PER_HOUR: '152.50', COMPENSATION_RATE_PER_VISIT: '75' },
    });
    // The visits below lie in winter 2026/27: the clock stands after them, before the period's midpoint.
    t.clock.setNow('2027-02-01T12:00:00+01:00');
    karin = await registerSupporter(t, 'Karin Lund');
    nils = await registerSupporter(t, 'Nils Åberg');
    const visit = (
      occurredAt: string,
      durationMinutes: number,
      outcome = 'completed',
      extra: Record<string, unknown> = {},
    ) => ({
      type: 'LOG_VISIT',
      occurredAt,
      durationMinutes,
      outcome,
      ...extra,
    });
    const karinsCase = await registerCase(t);
    for (const event of stepsTo('activeVisits', karin)) await send(t, karinsCase, event);
    await send(t, karinsCase, visit('2026-12-01T10:00:00+01:00', 90));
    await send(t, karinsCase, visit('2026-12-08T10:00:00+01:00', 45, 'stopped', { stopReason: 'childUnwell' }));
    await send(t, karinsCase, visit('2026-12-15T10:00:00+01:00', 0, 'cancelled', { cancelledBy: 'visitingParent' }));
    // Midnight in Stockholm on 1 January is still 31 December in UTC: it belongs to January.
    await send(t, karinsCase, visit('2027-01-01T00:30:00+01:00', 60));
    const nilsCase = await registerCase(t);
    for (const event of stepsTo('activeVisits', nils)) await send(t, nilsCase, event);
    await send(t, nilsCase, visit('2026-12-31T23:30:00+01:00', 20, 'noShow', { cancelledBy: 'visitingParent' }));
  });
  afterAll(() => t.close());

  it('counts each supporter’s paid visits and hours in the month and prices them at the configured rates', async () => {
    const res = await t.http.get('/compensation?month=2026-12').expect(200);
    expect(res.body).toMatchObject({
      month: '2026-12',
      currency: 'SEK',
      rates: { perHour: '152.50', perVisit: '75.00' },
    });
    // Karin: 2 paid visits (the cancelled one is not), 135 minutes: 2 × 75 + 2.25 h × 152.50 = 150 + 343.125 → 493.13.
    // Nils: 1 no-show he waited at, 20 minutes: 75 + 50.8333 → 125.83.
    expect(res.body.items).toEqual([
      {
        supporterId: karin,
        name: 'Karin Lund',
        month: '2026-12',
        visits: 2,
        minutes: 135,
        hours: '2.25',
        amountSek: '493.13',
      },
      {
        supporterId: nils,
        name: 'Nils Åberg',
        month: '2026-12',
        visits: 1,
        minutes: 20,
        hours: '0.33',
        amountSek: '125.83',
      },
    ]);
    const january = await t.http.get('/compensation?month=2027-01').expect(200);
    expect(january.body.items).toEqual([
      expect.objectContaining({ supporterId: karin, visits: 1, minutes: 60, amountSek: '227.50' }),
    ]);
  });

  it('shows a supporter only their own line', async () => {
    const own = await t.as('supporter', { sub: 'nils', supporterId: nils }).get('/compensation?month=2026-12');
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([expect.objectContaining({ supporterId: nils, visits: 1, amountSek: '125.83' })]);
    expect(own.body.total).toBe(1);
    const none = await t.as('supporter', { sub: 'nobody' }).get('/compensation?month=2026-12').expect(200);
    expect(none.body.items).toEqual([]);
    await t.as('supporter', { sub: 'nils', supporterId: nils }).get('/compensation/export?month=2026-12').expect(403);
  });

  it('exports the month as CSV for the payroll office', async () => {
    const res = await t.http.get('/compensation/export?month=2026-12').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="umgangesstod-ersattning-2026-12.csv"');
    expect(res.text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Umgängesstödjare;Id;Månad;Besök;Därav från tidigare månader;Timmar;Belopp (SEK)',
      `Karin Lund;${karin};2026-12;2;0;2,25;493,13`,
      `Nils Åberg;${nils};2026-12;1;0;0,33;125,83`,
      '',
    ]);
  });

  it('refuses a malformed month with 400', async () => {
    const res = await t.http.get('/compensation?month=2026-13').expect(400);
    expect(res.body.message).toEqual(['month ska vara en månad i formen ÅÅÅÅ-MM.']);
  });
});
