import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseIn, send } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { ADDRESSES, prepareLetterhead } from '../support/letter-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe.each(['postgres'] as const)('what the administrator sees of an active case (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  let letterId: string;
  const admin = () => t.as('administrator');

  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-11-26T10:00:00+01:00');
    await prepareLetterhead(t);
    const judgment = aJudgment();
    judgment.residentParent = {
      ...judgment.residentParent,
      address: ADDRESSES.resident,
    } as typeof judgment.residentParent;
    judgment.visitingParent = {
      ...judgment.visitingParent,
      address: ADDRESSES.visiting,
    } as typeof judgment.visitingParent;
    caseId = await caseIn(t, 'activeVisits', judgment);
    letterId = (await t.http.post(`/cases/${caseId}/documents/letters`).send({ kind: 'supporterDecision' }).expect(201))
      .body.items[0].id;
    await t.http
      .post(`/cases/${caseId}/documents`)
      .send({
        kind: 'other',
        title: 'Samtal med Maria om Alva',
        date: '2026-11-25',
        author: 'Anna',
        recipients: ['Maria', 'Johan'],
        status: 'final',
      })
      .expect(201);
    await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: '2026-11-25T10:00:00+01:00',
      durationMinutes: 30,
      outcome: 'stopped',
      stopReason: 'childUnwell',
    });
  });
  afterAll(() => t.close());

  it('lists the documents by kind, date and state, without titles, names, recipients or texts', async () => {
    const secretary = await t.http.get(`/cases/${caseId}/documents`).expect(200);
    expect(JSON.stringify(secretary.body)).toContain('Maria');
    const res = await admin().get(`/cases/${caseId}/documents`).expect(200);
    expect(res.body.total).toBe(4); // the decision, one letter per recipient (supporter, both parents), and the note
    for (const item of res.body.items) {
      expect(Object.keys(item).sort()).toEqual([
        'correctedBy',
        'corrects',
        'createdAt',
        'date',
        'file',
        'id',
        'kind',
        'origin',
        'status',
      ]);
    }
    expect(res.body.items[0].file).toEqual({
      contentType: 'application/pdf',
      size: expect.any(Number),
      sha256: expect.any(String),
    });
  });

  it("does not hand the administrator a letter's content before the case is archived", async () => {
    await t.http.get(`/cases/${caseId}/documents/${letterId}/content`).expect(200);
    const res = await admin().get(`/cases/${caseId}/documents/${letterId}/content`).expect(403);
    expect(res.body.message).toBe('Administratören läser ett ärendes dokument först när ärendet är arkiverat.');
  });

  it('shows the administrator a stopped visit without the reason it was stopped', async () => {
    const secretary = await t.http.get(`/alerts?caseId=${caseId}&kind=visitStopped`).expect(200);
    expect(secretary.body.items[0].detail).toContain('barnet mådde inte bra');
    const res = await admin().get(`/alerts?caseId=${caseId}&kind=visitStopped`).expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ kind: 'visitStopped', detail: null })]);
    const acknowledged = await admin().post(`/alerts/${res.body.items[0].id}/acknowledge`).expect(200);
    expect(acknowledged.body.detail).toBeNull();
  });

  it('shows the case itself without parties', async () => {
    const res = await admin().get(`/cases/${caseId}`).expect(200);
    expect(JSON.stringify(res.body)).not.toMatch(/Alva|Maria|Johan|personnummer|parties/);
  });
});
