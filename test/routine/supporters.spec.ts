import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { swedishDate } from '../../src/common/swedish-date.js';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DAY } from '../support/test-clock.js';

const APPOINT = { type: 'APPOINT_SUPPORTER', decidedAt: '2026-11-17T10:00:00+01:00' };

describe.each(DATABASES)('supporters from expression of interest to appointment (%s)', (database) => {
  let t: TestApp;
  let today: string;
  beforeAll(async () => {
    t = await startTestApp({ database, env: { SUPPORTER_VETTING_VALID_MONTHS: '12' } });
    t.clock.setNow(TEST_DAY);
    today = swedishDate(t.clock.now());
  });
  afterAll(() => t.close());

  async function interested(body: Record<string, unknown> = {}): Promise<string> {
    const res = await t.anonymous
      .post('/supporters/interest')
      .send({
        name: 'Sara Ek',
        phone: '070-111 22 33',
        email: 'sara.ek@example.se',
        languages: ['Svenska', 'arabiska'],
        area: 'Gottsunda',
        availability: 'Helger',
        ...body,
      })
      .expect(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'interested' });
    return res.body.id as string;
  }

  const vet = (id: string, step: string, date = today) => t.http.post(`/supporters/${id}/vetting`).send({ step, date });
  const decide = (id: string, body: Record<string, unknown>) =>
    t.as('administrator').post(`/supporters/${id}/decision`).send(body);

  async function initiatedCase(): Promise<string> {
    const caseId = await registerCase(t);
    await send(t, caseId, { type: 'INITIATE' });
    return caseId;
  }

  it('takes an expression of interest without a token, and keeps it waiting for vetting', async () => {
    const id = await interested();
    const res = await t.http.get(`/supporters/${id}`).expect(200);
    expect(res.body).toMatchObject({
      status: 'interested',
      languages: ['svenska', 'arabiska'],
      area: 'Gottsunda',
      appointable: false,
    });
  });

  it('refuses an expression of interest with a malformed e-mail with 400 naming the field', async () => {
    const res = await t.anonymous
      .post('/supporters/interest')
      .send({ name: 'X', phone: '070-111 22 33', email: 'nope' })
      .expect(400);
    expect(res.body.message).toEqual(['email ska vara en e-postadress.']);
  });

  it('refuses to appoint a supporter who is not vetted, with 422 naming everything missing', async () => {
    const supporterId = await interested();
    const caseId = await initiatedCase();
    const res = await send(t, caseId, { ...APPOINT, supporterId }, 422);
    expect(res.body).toMatchObject({ rule: 'supporterAppointable', field: 'supporterId' });
    for (const missing of [
      'inte godkänd',
      'lämplighetsintervjun',
      'referenser',
      'belastningsregistret',
      'socialtjänstens register',
    ]) {
      expect(res.body.message).toContain(missing);
    }
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.state).toBe('initiated');
  });

  it('approves only a complete vetting, and rejects only with a reason', async () => {
    const id = await interested();
    await vet(id, 'interview').expect(200);
    const refused = await decide(id, { decision: 'approved' }).expect(422);
    expect(refused.body.message).toContain('referenser har inte tagits');
    expect((await decide(id, { decision: 'rejected' }).expect(400)).body.message).toContain(
      'reason ska anges när en umgängesstödjare avslås.',
    );
    const rejected = await decide(id, { decision: 'rejected', reason: 'Referenserna avrådde' }).expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decision: { reason: 'Referenserna avrådde', by: 'test-administrator' },
    });
  });

  it('leaves the approval decision to the administrator', async () => {
    const id = await interested();
    await t.http.post(`/supporters/${id}/decision`).send({ decision: 'rejected', reason: 'x' }).expect(403);
  });

  it('refuses a vetting step dated in the future', async () => {
    const id = await interested();
    const res = await vet(id, 'interview', '2999-01-01').expect(422);
    expect(res.body).toMatchObject({ rule: 'vettingStepHasHappened', field: 'date' });
  });

  it('refuses to appoint an approved supporter whose register extract has grown too old, naming it', async () => {
    const id = await registerSupporter(t, 'Olle Berg');
    await vet(id, 'criminalRecordExtract', '2020-01-15').expect(200);
    const caseId = await initiatedCase();
    const res = await send(t, caseId, { ...APPOINT, supporterId: id }, 422);
    expect(res.body.message).toContain('utdraget ur belastningsregistret från 2020-01-15 är äldre än 12 månader');
    await vet(id, 'criminalRecordExtract', today).expect(200);
    await send(t, caseId, { ...APPOINT, supporterId: id });
  });

  it('refuses an appointment beyond the supporter’s capacity, and accepts it once capacity is raised', async () => {
    const supporterId = await registerSupporter(t, 'Lina Holm');
    const first = await initiatedCase();
    await send(t, first, { ...APPOINT, supporterId });
    const second = await initiatedCase();
    const res = await send(t, second, { ...APPOINT, supporterId }, 422);
    expect(res.body).toMatchObject({ rule: 'supporterCapacity', field: 'supporterId' });
    expect(res.body.message).toContain('tar högst 1 åt gången');
    await t.http.put(`/supporters/${supporterId}/capacity`).send({ capacity: 2 }).expect(200);
    await send(t, second, { ...APPOINT, supporterId });
    const view = await t.http.get(`/supporters/${supporterId}`).expect(200);
    expect(view.body).toMatchObject({ capacity: 2, activeAssignments: 2, freeCapacity: 0 });
  });

  it('keeps to the supporter’s capacity when several cases appoint them at the same moment', async () => {
    const supporterId = await registerSupporter(t, 'Maja Berg');
    const cases = [await initiatedCase(), await initiatedCase(), await initiatedCase()];
    const sent = await Promise.all(
      cases.map((caseId) => t.http.post(`/cases/${caseId}/events`).send({ ...APPOINT, supporterId })),
    );
    expect(sent.map((res) => res.status).sort()).toEqual([200, 422, 422]);
    for (const refused of sent.filter((res) => res.status === 422))
      expect(refused.body).toMatchObject({ rule: 'supporterCapacity', field: 'supporterId' });
    const view = await t.http.get(`/supporters/${supporterId}`).expect(200);
    expect(view.body).toMatchObject({ capacity: 1, activeAssignments: 1, freeCapacity: 0 });
  });

  it('lists supporters by status, language, area and free capacity', async () => {
    const arabic = await interested({ name: 'Amal Haddad', languages: ['arabiska'], area: 'Sävja' });
    const busy = await registerSupporter(t, 'Per Nyström');
    await send(t, await initiatedCase(), { ...APPOINT, supporterId: busy });
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((s) => s.id);

    expect(ids(await t.http.get('/supporters?language=Arabiska&area=sävja').expect(200))).toEqual([arabic]);
    const approved = ids(await t.http.get('/supporters?status=approved').expect(200));
    expect(approved).toContain(busy);
    expect(approved).not.toContain(arabic);
    expect(ids(await t.http.get('/supporters?status=approved&hasFreeCapacity=false').expect(200))).toContain(busy);
    expect(ids(await t.http.get('/supporters?hasFreeCapacity=true').expect(200))).not.toContain(busy);
    expect((await t.http.get('/supporters?hasFreeCapacity=maybe').expect(400)).body.message).toEqual([
      'hasFreeCapacity ska vara true eller false.',
    ]);
  });

  it('replaces the supporter during the assignment as a new decision in the history, freeing the old one', async () => {
    const first = await registerSupporter(t, 'Eva Lind');
    const caseId = await registerCase(t);
    for (const event of stepsTo('activeVisits', first)) await send(t, caseId, event);
    const unvetted = await interested();
    const refused = await send(
      t,
      caseId,
      {
        type: 'REPLACE_SUPPORTER',
        supporterId: unvetted,
        decidedAt: '2026-12-01T10:00:00+01:00',
        reason: 'Eva flyttar',
      },
      422,
    );
    expect(refused.body.rule).toBe('supporterAppointable');

    const second = await registerSupporter(t, 'Nils Åberg');
    const replaced = await send(t, caseId, {
      type: 'REPLACE_SUPPORTER',
      supporterId: second,
      decidedAt: '2026-12-01T10:00:00+01:00',
      reason: 'Eva flyttar',
    });
    expect(replaced.body).toMatchObject({ state: 'activeVisits', progress: { supporter: { supporterId: second } } });
    const history = await t.http.get(`/cases/${caseId}/history`).expect(200);
    expect(history.body.items.at(-1)).toMatchObject({
      type: 'REPLACE_SUPPORTER',
      payload: { supporterId: second, reason: 'Eva flyttar' },
    });
    expect((await t.http.get(`/supporters/${first}`).expect(200)).body.activeAssignments).toBe(0);
    expect((await t.http.get(`/supporters/${second}`).expect(200)).body.activeAssignments).toBe(1);
  });

  it('refuses a flood of expressions of interest from one address with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11 && !statuses.includes(429); i++) {
      const res = await t.anonymous
        .post('/supporters/interest')
        .send({ name: 'Flod', phone: '070-111 22 33', email: 'flod@example.se' });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('refuses a replacement without a reason with 400', async () => {
    const caseId = await registerCase(t);
    const res = await send(
      t,
      caseId,
      { type: 'REPLACE_SUPPORTER', supporterId: await registerSupporter(t), decidedAt: '2026-12-01T10:00:00+01:00' },
      400,
    );
    expect(res.body.message).toEqual(expect.arrayContaining(['reason får inte vara tomt.']));
  });
});
