import { afterEach, describe, expect, it } from '@jest/globals';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { type TestApp } from '../support/test-app.js';
import { caseOf, DeadlineRig, entriesOf, historyOf, type AlertBody } from './deadline-support.js';
import { eventually } from '../support/eventually.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

async function reportAlerts(t: TestApp, caseId: string, status = 'all'): Promise<AlertBody[]> {
  const res = await t.http.get(`/alerts?caseId=${caseId}&kind=visitReportMissing&status=${status}`).expect(200);
  return res.body.items;
}

async function reportReminders(t: TestApp, caseId: string) {
  return (await caseOf(t, caseId)).deadlines.filter((d) => d.kind === 'visitReportMissing');
}

function visit(occurredAt: string, outcome: string, extra: Record<string, unknown> = {}) {
  return { type: 'LOG_VISIT', occurredAt, durationMinutes: outcome === 'completed' ? 120 : 0, outcome, ...extra };
}

/** The id of the case's visit that took place at `occurredAt`. */
async function visitAt(t: TestApp, caseId: string, occurredAt: string): Promise<string> {
  const res = await t.http.get(`/cases/${caseId}/visits`).expect(200);
  return res.body.visits.find((v: { occurredAt: string }) => Date.parse(v.occurredAt) === Date.parse(occurredAt)).id;
}

describe.each(['sqlite'] as const)('reminders about missing visit reports (%s)', (database) => {
  let rig: DeadlineRig | undefined;
  afterEach(async () => {
    await rig?.dispose();
    rig = undefined;
  });

  async function activeCase(t: TestApp, name?: string): Promise<{ caseId: string; supporterId: string }> {
    const supporterId = await registerSupporter(t, name);
    const caseId = await registerCase(t);
    for (const event of stepsTo('activeVisits', supporterId)) await send(t, caseId, event);
    return { caseId, supporterId };
  }

  it('raises an alert three days after a held visit with no report, resolves it when the supporter files one, and raises none for a cancelled visit or a no-show', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow('2026-12-01T09:00:00+01:00');
    const { caseId, supporterId } = await activeCase(t);
    await send(t, caseId, visit('2026-11-30T10:00:00+01:00', 'completed'));
    const quiet = (await activeCase(t, 'Per Holm')).caseId;
    await send(t, quiet, visit('2026-11-29T10:00:00+01:00', 'cancelled', { cancelledBy: 'visitingParent' }));
    await send(t, quiet, visit('2026-11-30T10:00:00+01:00', 'noShow', { cancelledBy: 'visitingParent' }));

    expect(await reportReminders(t, caseId)).toEqual([
      expect.objectContaining({ dueAt: '2026-12-03T09:00:00.000Z', status: 'pending' }),
    ]);
    expect(await reportReminders(t, quiet)).toEqual([]);

    rig.clock.setNow('2026-12-03T10:00:01+01:00');
    const raised = await eventually(async () => {
      const open = await reportAlerts(t, caseId, 'open');
      expect(open).toHaveLength(1);
      return open[0];
    });
    expect(raised).toMatchObject({ caseId, kind: 'visitReportMissing', status: 'open' });
    expect(raised.message).toMatch(/Rapport saknas för ett umgängestillfälle/);
    expect(await reportReminders(t, caseId)).toEqual([expect.objectContaining({ status: 'fired' })]);

    const visitId = await visitAt(t, caseId, '2026-11-30T10:00:00+01:00');
    await t
      .as('supporter', { supporterId })
      .post(`/cases/${caseId}/visits/${visitId}/reports`)
      .send({ text: 'Lugnt umgänge i parken.' })
      .expect(201);
    expect(await reportAlerts(t, caseId)).toEqual([expect.objectContaining({ id: raised.id, status: 'resolved' })]);
    const filed = entriesOf(await historyOf(t, caseId), 'VISIT_REPORT_FILED');
    expect(filed).toEqual([
      expect.objectContaining({
        fromState: 'activeVisits',
        toState: 'activeVisits',
        by: expect.objectContaining({ role: 'supporter' }),
      }),
    ]);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.progress.visitsAwaitingReport).toEqual([]);

    await rig.settled((await reportReminders(t, caseId)).map((d) => d.id));
    expect(await reportAlerts(t, quiet)).toEqual([]);
    expect(await reportAlerts(t, caseId, 'open')).toEqual([]);
  });

  it('cancels the reminder when the secretary files a scanned report in time, and keeps the other visits’ reminders until theirs come', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow('2026-12-01T09:00:00+01:00');
    const { caseId } = await activeCase(t);
    await send(t, caseId, visit('2026-11-30T10:00:00+01:00', 'completed'));
    await send(t, caseId, visit('2026-11-30T18:00:00+01:00', 'stopped', { stopReason: 'childUnwell' }));
    expect((await reportReminders(t, caseId)).map((d) => [d.dueAt, d.status])).toEqual([
      ['2026-12-03T09:00:00.000Z', 'pending'],
      ['2026-12-03T17:00:00.000Z', 'pending'],
    ]);

    const held = await visitAt(t, caseId, '2026-11-30T10:00:00+01:00');
    const scan = await t.http
      .post(`/cases/${caseId}/visits/${held}/reports/scans`)
      .attach('file', PNG, { filename: 'rapport.png', contentType: 'image/png' })
      .expect(201);
    expect((await reportReminders(t, caseId)).map((d) => [d.dueAt, d.status])).toEqual([
      ['2026-12-03T09:00:00.000Z', 'cancelled'],
      ['2026-12-03T17:00:00.000Z', 'pending'],
    ]);
    // A correction is not a first report: the case does not change again.
    const { version } = (await t.http.get(`/cases/${caseId}`).expect(200)).body;
    await t.http
      .post(`/cases/${caseId}/visits/${held}/reports`)
      .send({ text: 'Rättelse: två timmar.', corrects: scan.body.id })
      .expect(201);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.version).toBe(version);
    expect(entriesOf(await historyOf(t, caseId), 'VISIT_REPORT_FILED')).toHaveLength(1);

    rig.clock.setNow('2026-12-03T18:00:01+01:00');
    await eventually(async () => expect(await reportAlerts(t, caseId, 'open')).toHaveLength(1));
    expect((await reportReminders(t, caseId)).map((d) => d.status)).toEqual(['cancelled', 'fired']);
  });

  it('keeps the rules of filing: a report on an archived case is refused with 409 and changes nothing', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    rig.clock.setNow('2026-12-01T09:00:00+01:00');
    const { caseId } = await activeCase(t);
    await send(t, caseId, visit('2026-11-30T10:00:00+01:00', 'completed'));
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'The parents go on without support' });
    expect(await reportReminders(t, caseId)).toEqual([expect.objectContaining({ status: 'pending' })]);
    await send(t, caseId, { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-12-01T08:00:00+01:00' });
    // Archived without the report only once the secretary has recorded why it will never come.
    const visitId = await visitAt(t, caseId, '2026-11-30T10:00:00+01:00');
    await t.http
      .post(`/cases/${caseId}/visits/${visitId}/report-waiver`)
      .send({ reason: 'Umgängesstödjaren har slutat.' })
      .expect(201);
    await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: '2026-12-01T08:30:00+01:00' });
    expect(await reportReminders(t, caseId)).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    const before = (await t.http.get(`/cases/${caseId}`).expect(200)).body.version;
    await t.http.post(`/cases/${caseId}/visits/${visitId}/reports`).send({ text: 'För sent.' }).expect(409);
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.version).toBe(before);
  });
});
