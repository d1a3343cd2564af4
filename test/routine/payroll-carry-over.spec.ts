import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

/** The CSV's rows without the byte-order mark and the empty last line. */
async function exported(t: TestApp, month: string): Promise<string[]> {
  const res = await t.http.get(`/compensation/export?month=${month}`).expect(200);
  return res.text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1, -1);
}

const aVisit = (occurredAt: string, durationMinutes: number) => ({
  type: 'LOG_VISIT',
  occurredAt,
  durationMinutes,
  outcome: 'completed',
});

// Both databases: which visits an export pays is a query of its own in each dialect's SQL.
describe.each(DATABASES)('a visit logged after its month was exported (%s)', (database) => {
  let t: TestApp;
  let karin: string;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp({
      database,
      env: { COMPENSATION_RATE_PER_HOUR: '150', COMPENSATION_RATE_PER_VISIT: '100' },
    });
    t.clock.setNow('2027-01-04T12:00:00+01:00');
    karin = await registerSupporter(t, 'Karin Lund');
    caseId = await registerCase(t);
    for (const event of stepsTo('activeVisits', karin)) await send(t, caseId, event);
    await send(t, caseId, aVisit('2026-12-05T10:00:00+01:00', 60));
  });
  afterAll(() => t.close());

  it('is paid in the next export, once, and never in the month already exported', async () => {
    // December exported: one visit, 100 + 150 kronor.
    const december = await exported(t, '2026-12');
    expect(december).toEqual([`Karin Lund;${karin};2026-12;1;0;1,00;250,00`]);

    // A December visit logged only now, after December's export.
    await send(t, caseId, aVisit('2026-12-20T10:00:00+01:00', 90));
    await send(t, caseId, aVisit('2027-01-03T10:00:00+01:00', 60));
    // December exported again is the same file: the late visit is not in it.
    expect(await exported(t, '2026-12')).toEqual(december);

    // January pays its own visit and the late December one: 2 × 100 + 2.5 h × 150.
    t.clock.setNow('2027-02-02T12:00:00+01:00');
    const january = await exported(t, '2027-01');
    expect(january).toEqual([`Karin Lund;${karin};2027-01;2;1;2,50;575,00`]);
    // Exported again: the same, so the late visit is never paid twice.
    expect(await exported(t, '2027-01')).toEqual(january);
    // Nor does February pay it again.
    t.clock.setNow('2027-03-02T12:00:00+01:00');
    expect(await exported(t, '2027-02')).toEqual([]);

    // The month's own figures still count each visit in the month it took place.
    const view = (await t.http.get('/compensation?month=2026-12').expect(200)).body;
    expect(view.items).toEqual([expect.objectContaining({ supporterId: karin, visits: 2, minutes: 150 })]);
  });

  it('makes the month’s export once when it is asked for twice at the same moment', async () => {
    await send(t, caseId, aVisit('2027-03-01T10:00:00+01:00', 60));
    t.clock.setNow('2027-04-02T12:00:00+01:00');
    const [one, two] = await Promise.all([exported(t, '2027-03'), exported(t, '2027-03')]);
    expect(one).toEqual([`Karin Lund;${karin};2027-03;1;0;1,00;250,00`]);
    expect(two).toEqual(one);
  });

  it('pays a late visit once when two months are exported at the same moment', async () => {
    // Two March visits logged after March's export, then April and May exported at once: one of them pays each.
    t.clock.setNow('2027-06-02T12:00:00+01:00');
    await send(t, caseId, aVisit('2027-03-15T10:00:00+01:00', 60));
    await send(t, caseId, aVisit('2027-03-22T10:00:00+01:00', 60));
    const [april, may] = await Promise.all([exported(t, '2027-04'), exported(t, '2027-05')]);
    const visitsPaid = [...april, ...may].reduce((sum, row) => sum + Number(row.split(';')[3]), 0);
    expect(visitsPaid).toBe(2);
  });
});
