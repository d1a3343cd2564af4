import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeadlineRig } from '../deadlines/deadline-support.js';
import { eventually } from '../support/eventually.js';
import { aJudgment } from '../support/judgment-builder.js';
import { DATABASES, type TestApp } from '../support/test-app.js';

/**
 * What a secretary's "Att göra" page reads: the cases they answer for per state, the deadlines
 * waiting across their cases (the earliest first), their cases' open alerts, and the search by
 * court case number, diary number or name.
 */
describe.each(DATABASES)("a secretary's work list (%s)", (database) => {
  let rig: DeadlineRig;
  let t: TestApp;
  let anna: ReturnType<TestApp['as']>;
  let annasCase: string;
  let bertilsCase: string;

  beforeAll(async () => {
    rig = await DeadlineRig.create(database, { REMINDER_SUPPORTER_NOT_APPOINTED_DAYS: '10' });
    t = await rig.startService();
    rig.clock.setNow('2026-11-20T09:00:00+01:00');
    anna = t.as('secretary', { sub: 'anna' });
    annasCase = (
      await anna
        .post('/cases')
        .send(
          aJudgment({
            courtCaseNumber: 'T 4711-26',
            children: [{ name: 'Selma Lindqvist', personnummer: '201501012395' }],
          }),
        )
        .expect(201)
    ).body.id;
    await anna.post(`/cases/${annasCase}/events`).send({ type: 'INITIATE', diaryNumber: 'SN 2026/0777' }).expect(200);
    bertilsCase = (await t.as('secretary', { sub: 'bertil' }).post('/cases').send(aJudgment()).expect(201)).body.id;
  });

  afterAll(() => rig.dispose());

  it("counts one secretary's cases per state, and everyone's without the filter", async () => {
    const mine = await anna.get('/cases/states').query({ responsibleSecretary: 'anna' }).expect(200);
    expect(mine.body.items).toEqual([{ state: 'initiated', total: 1 }]);
    const all = await anna.get('/cases/states').expect(200);
    expect(all.body.items).toEqual(
      expect.arrayContaining([
        { state: 'initiated', total: 1 },
        { state: 'received', total: 1 },
      ]),
    );
  });

  it("lists one secretary's cases, alone or in one state", async () => {
    const mine = await anna.get('/cases').query({ responsibleSecretary: 'anna' }).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([annasCase]);
    expect(mine.body.total).toBe(1);
    const received = await anna.get('/cases').query({ responsibleSecretary: 'anna', state: 'received' }).expect(200);
    expect(received.body).toMatchObject({ items: [], total: 0 });
  });

  it("lists the pending deadlines of one secretary's cases, the earliest due first, with their case", async () => {
    const answer = await anna.get('/deadlines').query({ responsibleSecretary: 'anna' }).expect(200);
    const items = answer.body.items as { caseId: string; dueAt: string; kind: string; courtCaseNumber: string }[];
    expect(items.length).toBeGreaterThan(1);
    expect(new Set(items.map((d) => d.caseId))).toEqual(new Set([annasCase]));
    expect(items.map((d) => d.dueAt)).toEqual([...items.map((d) => d.dueAt)].sort());
    expect(items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'periodEnd', courtCaseNumber: 'T 4711-26' })]),
    );
    const everyone = await anna.get('/deadlines').query({ limit: 200 }).expect(200);
    expect(new Set(everyone.body.items.map((d: { caseId: string }) => d.caseId))).toEqual(
      new Set([annasCase, bertilsCase]),
    );
  });

  it("lists only the alerts of one secretary's cases", async () => {
    // Ten days without a supporter raise the reminder on both cases.
    rig.clock.setNow('2026-11-30T09:00:01+01:00');
    const caseIdsOf = async (query: Record<string, string>) =>
      (
        (
          await anna
            .get('/alerts')
            .query({ kind: 'supporterNotAppointed', ...query })
            .expect(200)
        ).body.items as { caseId: string }[]
      )
        .map((a) => a.caseId)
        .sort();
    await eventually(async () => expect(await caseIdsOf({})).toEqual([annasCase, bertilsCase].sort()));
    await expect(caseIdsOf({ responsibleSecretary: 'anna' })).resolves.toEqual([annasCase]);
    await expect(caseIdsOf({ responsibleSecretary: 'bertil' })).resolves.toEqual([bertilsCase]);
    const mineForCase = await anna
      .get('/alerts')
      .query({ status: 'all', responsibleSecretary: 'bertil', caseId: annasCase });
    expect(mineForCase.body).toMatchObject({ items: [], total: 0 });
  });

  it('finds a case by its court case number, its diary number or part of a name, and refuses an empty search', async () => {
    const ids = async (text: string) =>
      ((await anna.post('/cases/search').send({ text }).expect(200)).body.items as { id: string }[]).map((c) => c.id);
    await expect(ids('T 4711-26')).resolves.toEqual([annasCase]);
    await expect(ids('t4711-26')).resolves.toEqual([annasCase]);
    await expect(ids('SN 2026/0777')).resolves.toEqual([annasCase]);
    await expect(ids('lindq')).resolves.toEqual([annasCase]);
    await expect(ids('100%_')).resolves.toEqual([]);
    const blank = await anna.post('/cases/search').send({ text: ' ' }).expect(400);
    expect(blank.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^text /)]));
    await anna.post('/cases/search').send({ text: 'Selma', personnummer: '201501012395' }).expect(400);
  });

  it('lists the staff profiles by name', async () => {
    const profile = { title: 'Familjerättssekreterare', phone: '018-727 00 00', email: 'x@kommun.se' };
    await anna
      .put('/staff/me')
      .send({ ...profile, name: 'Anna Berg' })
      .expect(200);
    await t
      .as('secretary', { sub: 'bertil' })
      .put('/staff/me')
      .send({ ...profile, name: 'Bertil Ek' })
      .expect(200);
    const staff = await anna.get('/staff').expect(200);
    expect(staff.body.items.map((p: { subject: string; name: string }) => [p.subject, p.name])).toEqual([
      ['anna', 'Anna Berg'],
      ['bertil', 'Bertil Ek'],
    ]);
  });
});
