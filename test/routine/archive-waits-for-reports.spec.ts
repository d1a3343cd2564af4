import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../deadlines/deadline-support.js';
import { caseIn, send } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DATABASES)('archiving waits for the visit reports (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database, env: { RECONCILE_EVERY_SECONDS: '1' } });
    t.clock.setNow('2026-12-10T12:00:00+01:00');
  });
  afterAll(() => t.close());

  const alertsOf = async (caseId: string) =>
    (await t.http.get(`/alerts?caseId=${caseId}&kind=visitReportMissing&status=all`).expect(200)).body.items;

  it('refuses ARCHIVE while a held visit lacks its report, and archives once the secretary records why it never will', async () => {
    const caseId = await caseIn(t, 'activeVisits');
    const logged = await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: '2026-12-01T10:00:00+01:00',
      durationMinutes: 90,
      outcome: 'completed',
    });
    const visitId = logged.body.visits[0].id as string;
    // The reminder fell due three days after the visit: its alert is open.
    await eventually(async () => expect(await alertsOf(caseId)).toEqual([expect.objectContaining({ status: 'open' })]));
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'parentsAgreed', reason: 'Föräldrarna är överens' });
    await send(t, caseId, { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-12-10T09:00:00+01:00' });
    const archive = { type: 'ARCHIVE', terminationDecidedAt: '2026-12-10T10:00:00+01:00' };
    const refused = await send(t, caseId, archive, 422);
    expect(refused.body).toMatchObject({ rule: 'visitReportsFiled', field: 'visitReports' });
    expect(refused.body.message).toContain('Rapport saknas');

    const reason = 'Umgängesstödjaren har flyttat utomlands och rapporten går inte att få in';
    await t.http.post(`/cases/${caseId}/visits/${visitId}/report-waiver`).send({ reason }).expect(201);
    expect(await alertsOf(caseId)).toEqual([expect.objectContaining({ status: 'waived' })]);
    const again = await t.http.post(`/cases/${caseId}/visits/${visitId}/report-waiver`).send({ reason }).expect(422);
    expect(again.body).toMatchObject({ rule: 'reportAwaited' });
    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body.items;
    expect(history.at(-1)).toMatchObject({ type: 'VISIT_REPORT_FILED', payload: { waivedReason: reason } });
    expect((await send(t, caseId, archive)).body.state).toBe('archived');
  });
});
