import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn, send } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';
import { PNG } from '../support/uploads.js';

describe.each(DATABASES)('visits and their reports (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database });
    // The visits below lie in winter 2026/27: the clock stands after them, before the period's midpoint.
    t.clock.setNow('2027-02-01T12:00:00+01:00');
  });
  afterAll(() => t.close());

  /** An active case, its supporter, and one logged visit of that outcome. */
  async function caseWithVisit(visit: Record<string, unknown> = { outcome: 'completed' }) {
    const caseId = await caseIn(t, 'activeVisits');
    const supporterId = (await t.http.get(`/cases/${caseId}`).expect(200)).body.progress.supporter
      .supporterId as string;
    await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: '2026-11-28T10:00:00+01:00',
      durationMinutes: 120,
      ...visit,
    });
    const visits = (await t.http.get(`/cases/${caseId}/visits`).expect(200)).body.visits;
    return { caseId, supporterId, visitId: visits.at(-1).id as string };
  }

  it('plans a visit with time, place and the case’s supporter, and logs its outcome against the plan', async () => {
    const caseId = await caseIn(t, 'activeVisits');
    const plan = await t.http
      .post(`/cases/${caseId}/visit-plans`)
      .send({ plannedFor: '2026-12-05T10:00:00+01:00', place: 'Besöksrummet' })
      .expect(201);
    const supporterId = (await t.http.get(`/cases/${caseId}`).expect(200)).body.progress.supporter.supporterId;
    expect(plan.body).toMatchObject({ place: 'Besöksrummet', supporterId, loggedAs: null });
    await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: '2026-11-28T10:00:00+01:00',
      durationMinutes: 0,
      outcome: 'cancelled',
      cancelledBy: 'visitingParent',
      visitPlanId: plan.body.id,
    });
    const overview = await t.http.get(`/cases/${caseId}/visits`).expect(200);
    expect(overview.body.visits).toEqual([
      expect.objectContaining({
        planId: plan.body.id,
        outcome: 'cancelled',
        cancelledBy: 'visitingParent',
        supporterId,
        reportExpected: false,
      }),
    ]);
    expect(overview.body.plans[0].loggedAs).toBe(overview.body.visits[0].id);
    const twice = await send(
      t,
      caseId,
      {
        type: 'LOG_VISIT',
        occurredAt: '2026-11-28T10:00:00+01:00',
        durationMinutes: 60,
        outcome: 'completed',
        visitPlanId: plan.body.id,
      },
      422,
    );
    expect(twice.body.rule).toBe('visitPlanLoggedOnce');
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.progress.visitCount).toBe(1);
  });

  it('refuses cancelledBy on a visit that was not cancelled, writing nothing', async () => {
    const caseId = await caseIn(t, 'activeVisits');
    await send(
      t,
      caseId,
      {
        type: 'LOG_VISIT',
        occurredAt: '2026-11-28T10:00:00+01:00',
        durationMinutes: 60,
        outcome: 'completed',
        cancelledBy: 'unit',
      },
      400,
    );
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.progress.visitCount).toBe(0);
  });

  it('raises an alert for the secretary when the supporter stops a visit', async () => {
    const { caseId, visitId } = await caseWithVisit({ outcome: 'stopped', stopReason: 'visitingParentIntoxicated' });
    const alerts = await t.http.get(`/alerts?caseId=${caseId}&kind=visitStopped`).expect(200);
    expect(alerts.body.items).toEqual([expect.objectContaining({ kind: 'visitStopped', caseId })]);
    expect(alerts.body.items[0].detail).toContain(visitId);
    expect(alerts.body.items[0].detail).toContain('umgängesföräldern verkade påverkad av alkohol eller droger');
  });

  it('shows held and stopped visits without a report until one is filed', async () => {
    const held = await caseWithVisit({ outcome: 'completed' });
    const stopped = await caseWithVisit({ outcome: 'stopped', stopReason: 'childUnwell' });
    const noShow = await caseWithVisit({ outcome: 'noShow', cancelledBy: 'visitingParent' });
    const missing = async () =>
      (await t.http.get('/visits/missing-reports?limit=200').expect(200)).body.items.map(
        (i: { visitId: string }) => i.visitId,
      );
    expect(await missing()).toEqual(expect.arrayContaining([held.visitId, stopped.visitId]));
    expect(await missing()).not.toContain(noShow.visitId);
    await t
      .as('supporter', { supporterId: held.supporterId })
      .post(`/cases/${held.caseId}/visits/${held.visitId}/reports`)
      .send({ text: 'Bra umgänge.' })
      .expect(201);
    expect(await missing()).not.toContain(held.visitId);
    const overview = await t.http.get(`/cases/${held.caseId}/visits`).expect(200);
    expect(overview.body.visits[0]).toMatchObject({ reportExpected: true, reportMissing: false });
  });

  it('tells the supporter which of her visits still wait for a report, until it has come in', async () => {
    const { caseId, supporterId, visitId: held } = await caseWithVisit({ outcome: 'completed' });
    await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: '2026-12-05T10:00:00+01:00',
      durationMinutes: 40,
      outcome: 'stopped',
      stopReason: 'childUnwell',
    });
    await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: '2026-12-12T10:00:00+01:00',
      durationMinutes: 0,
      outcome: 'noShow',
      cancelledBy: 'visitingParent',
    });
    const asSupporter = () => t.as('supporter', { supporterId });
    const awaited = async () =>
      Object.fromEntries(
        ((await asSupporter().get(`/cases/${caseId}`).expect(200)).body.visits as Record<string, unknown>[]).map(
          (visit) => [visit.outcome, visit.reportAwaited],
        ),
      );
    expect(await awaited()).toEqual({ completed: true, stopped: true, noShow: false });
    await asSupporter().post(`/cases/${caseId}/visits/${held}/reports`).send({ text: 'Bra umgänge.' }).expect(201);
    expect(await awaited()).toEqual({ completed: false, stopped: true, noShow: false });
  });

  it('lets the supporter file the report on their own visit, and no one else’s', async () => {
    const mine = await caseWithVisit();
    const other = await caseWithVisit();
    const asSupporter = () => t.as('supporter', { supporterId: mine.supporterId });
    const filed = await asSupporter()
      .post(`/cases/${mine.caseId}/visits/${mine.visitId}/reports`)
      .send({ text: 'Alva och pappan bakade.' })
      .expect(201);
    expect(filed.body).toMatchObject({
      form: 'text',
      text: 'Alva och pappan bakade.',
      filedBy: { role: 'supporter' },
      corrects: null,
    });
    await asSupporter().post(`/cases/${other.caseId}/visits/${other.visitId}/reports`).send({ text: 'x' }).expect(404);
    const documents = await t.http.get(`/cases/${mine.caseId}/documents`).expect(200);
    expect(documents.body.items).toEqual([
      expect.objectContaining({ id: filed.body.documentId, kind: 'visitReport', body: 'Alva och pappan bakade.' }),
    ]);
  });

  it('lets the supporter file a photo of their paper report on their own visit, and no one else’s', async () => {
    const mine = await caseWithVisit();
    const other = await caseWithVisit();
    const asSupporter = () => t.as('supporter', { supporterId: mine.supporterId });
    const photo = await asSupporter()
      .post(`/cases/${mine.caseId}/visits/${mine.visitId}/reports/scans`)
      .attach('file', PNG, { filename: 'rapport.png', contentType: 'image/png' })
      .expect(201);
    expect(photo.body).toMatchObject({ form: 'scan', filedBy: { role: 'supporter' } });
    const documents = await t.http.get(`/cases/${mine.caseId}/documents`).expect(200);
    expect(documents.body.items).toEqual([
      expect.objectContaining({ id: photo.body.documentId, kind: 'visitReport', file: expect.anything() }),
    ]);
    const elsewhere = await asSupporter()
      .post(`/cases/${other.caseId}/visits/${other.visitId}/reports/scans`)
      .attach('file', PNG, 'rapport.png')
      .expect(404);
    expect(elsewhere.body.message).toMatch(/finns inte/);
    const notAPhoto = await asSupporter()
      .post(`/cases/${mine.caseId}/visits/${mine.visitId}/reports/scans`)
      .attach('file', Buffer.from('inte en bild'), { filename: 'rapport.png', contentType: 'image/png' })
      .expect(422);
    expect(notAPhoto.body).toMatchObject({ rule: 'uploadContentType', field: 'file' });
    expect(notAPhoto.body.message).toMatch(/^Filen ska vara av typen/);
    const otherAuthor = await asSupporter()
      .post(`/cases/${mine.caseId}/visits/${mine.visitId}/reports/scans`)
      .field('author', 'Någon annan')
      .attach('file', PNG, 'rapport.png')
      .expect(422);
    expect(otherAuthor.body).toMatchObject({ rule: 'supporterFilesOwnReport', field: 'author' });
  });

  it('takes a short report on a visit that did not take place, saying who did not come and why, without the case waiting for it', async () => {
    const { caseId, visitId } = await caseWithVisit({
      outcome: 'noShow',
      cancelledBy: 'visitingParent',
      absenceReason: 'Pappan svarade inte i telefon',
    });
    const visit = (await t.http.get(`/cases/${caseId}/visits`).expect(200)).body.visits[0];
    expect(visit).toMatchObject({
      outcome: 'noShow',
      cancelledBy: 'visitingParent',
      absenceReason: 'Pappan svarade inte i telefon',
      reportExpected: false,
    });
    const before = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body.total;
    await t.http.post(`/cases/${caseId}/visits/${visitId}/reports`).send({ text: 'Väntade i 30 minuter.' }).expect(201);
    expect((await t.http.get(`/cases/${caseId}/history`).expect(200)).body.total).toBe(before);
  });

  it('refuses a visit that did not take place without saying who, and a who on a held visit', async () => {
    const caseId = await caseIn(t, 'activeVisits');
    const visit = { type: 'LOG_VISIT', occurredAt: '2026-11-28T10:00:00+01:00', durationMinutes: 0 };
    const noWho = await send(t, caseId, { ...visit, outcome: 'noShow' }, 400);
    expect(JSON.stringify(noWho.body.message)).toContain('cancelledBy');
    await send(t, caseId, { ...visit, outcome: 'completed', cancelledBy: 'child' }, 400);
  });

  it('corrects a filed report with a new entry pointing to it, leaving the original as it was', async () => {
    const { caseId, visitId } = await caseWithVisit();
    const reports = `/cases/${caseId}/visits/${visitId}/reports`;
    const original = await t.http.post(reports).send({ text: 'Umgänget varade en timme.' }).expect(201);
    await t.http.put(`${reports}/${original.body.id}`).send({ text: 'ändrad' }).expect(404);
    await t.http.delete(`${reports}/${original.body.id}`).expect(404);
    const correction = await t.http
      .post(reports)
      .send({ text: 'Umgänget varade två timmar.', corrects: original.body.id })
      .expect(201);
    expect(correction.body.corrects).toBe(original.body.id);

    const list = await t.http.get(reports).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: original.body.id,
        text: 'Umgänget varade en timme.',
        correctedBy: correction.body.id,
      }),
      expect.objectContaining({
        id: correction.body.id,
        text: 'Umgänget varade två timmar.',
        corrects: original.body.id,
        correctedBy: null,
      }),
    ]);
    const again = await t.http.post(reports).send({ text: 'Tre timmar.', corrects: original.body.id }).expect(422);
    expect(again.body.rule).toBe('correctLatest');
    await t.http.post(reports).send({ text: 'Tre timmar.', corrects: correction.body.id }).expect(201);
  });

  it('keeps one correction of a report when several are sent at the same moment, refusing the others in the report’s words', async () => {
    const { caseId, visitId } = await caseWithVisit();
    const reports = `/cases/${caseId}/visits/${visitId}/reports`;
    for (let round = 0; round < 3; round++) {
      const original = await t.http
        .post(reports)
        .send({ text: `Umgänget, omgång ${round}.` })
        .expect(201);
      const sent = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          t.http.post(reports).send({ text: `Rättelse ${i}.`, corrects: original.body.id }),
        ),
      );
      expect(sent.map((res) => res.status).sort()).toEqual([201, 422, 422, 422]);
      for (const refused of sent.filter((res) => res.status === 422)) {
        expect(refused.body).toMatchObject({
          rule: 'correctLatest',
          field: 'corrects',
          message: 'Rapporten är redan rättad: rätta den senaste versionen i stället.',
        });
      }
      const listed = (await t.http.get(reports).expect(200)).body.items;
      expect(listed.filter((r: { corrects: string | null }) => r.corrects === original.body.id)).toHaveLength(1);
    }
  });

  it('files a scanned paper report as a document with its checksum', async () => {
    const { caseId, visitId } = await caseWithVisit();
    const res = await t.http
      .post(`/cases/${caseId}/visits/${visitId}/reports/scans`)
      .field('author', 'Karin Lund')
      .attach('file', PNG, { filename: 'rapport.png', contentType: 'image/png' })
      .expect(201);
    expect(res.body).toMatchObject({ form: 'scan', text: null, filedBy: { role: 'secretary' } });
    const documents = await t.http.get(`/cases/${caseId}/documents`).expect(200);
    expect(documents.body.items[0]).toMatchObject({
      id: res.body.documentId,
      kind: 'visitReport',
      author: 'Karin Lund',
      file: { contentType: 'image/png' },
    });
    const lying = await t.http
      .post(`/cases/${caseId}/visits/${visitId}/reports/scans`)
      .attach('file', PNG, { filename: 'rapport.pdf', contentType: 'application/pdf' })
      .expect(422);
    expect(lying.body.rule).toBe('uploadExtensionMatchesContent');
  });
});
