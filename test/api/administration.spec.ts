import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verdictInSwedish } from '../../src/audit/audit-verification.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ANNA = {
  name: 'Anna Berg',
  title: 'Familjerättssekreterare',
  phone: '018-727 00 01',
  email: 'anna.berg@kommun.se',
};

/** The routes the administrator's pages add: staff profiles kept by the administrator, and the audit trail's check. */
describe("what the administrator's pages ask of the service", () => {
  let t: TestApp;
  const admin = () => t.as('administrator', { sub: 'admin-eva' });
  const messages = (body: { message: string | string[] }) => [body.message].flat();

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("lets the administrator write a colleague's staff profile, filed in the audit trail", async () => {
    const written = await admin().put('/staff/anna').send(ANNA).expect(200);
    expect(written.body).toEqual({ subject: 'anna', ...ANNA });
    const listed = await t.http.get('/staff').expect(200);
    expect(listed.body.items).toEqual([{ subject: 'anna', ...ANNA }]);
    await admin()
      .put('/staff/anna')
      .send({ ...ANNA, title: 'Enhetschef' })
      .expect(200);
    expect((await t.as('secretary', { sub: 'anna' }).get('/staff/me').expect(200)).body.title).toBe('Enhetschef');
    const trail = await admin().get('/audit?userId=admin-eva&order=newest&limit=5').expect(200);
    expect(trail.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: 'PUT /staff/:id', subject: 'staff:anna', action: 'write', allowed: true }),
      ]),
    );
  });

  it("refuses a secretary and a supporter another person's profile (403), and writes nothing", async () => {
    await t
      .as('secretary')
      .put('/staff/anna')
      .send({ ...ANNA, name: 'Någon annan' })
      .expect(403);
    await t
      .as('supporter')
      .put('/staff/anna')
      .send({ ...ANNA, name: 'Någon annan' })
      .expect(403);
    expect((await t.http.get('/staff').expect(200)).body.items[0].name).toBe('Anna Berg');
  });

  it('names each broken field and its rule in Swedish, and writes nothing', async () => {
    const refused = await admin()
      .put('/staff/anna')
      .send({ ...ANNA, phone: 'ring mig', email: 'anna', name: '' })
      .expect(400);
    expect(messages(refused.body)).toEqual(
      expect.arrayContaining([
        'phone ska vara ett telefonnummer (siffror, mellanslag och bindestreck), t.ex. 018-727 00 00.',
        'email ska vara en e-postadress.',
        'name får inte vara tomt.',
      ]),
    );
    const unnamed = await admin()
      .put(`/staff/${'a'.repeat(121)}`)
      .send(ANNA)
      .expect(400);
    expect(messages(unnamed.body)).toEqual(['id får vara högst 120 tecken långt.']);
    const hidden = await admin().put('/staff/anna%E2%80%AE').send(ANNA).expect(400);
    expect(messages(hidden.body)).toEqual(['id får inte innehålla styrtecken.']);
    expect((await t.http.get('/staff').expect(200)).body.items).toEqual([
      { subject: 'anna', ...ANNA, title: 'Enhetschef' },
    ]);
  });

  it('lists the audit trail newest first when asked, and says a wrong order in Swedish', async () => {
    const newest = await admin().get('/audit?order=newest&limit=3').expect(200);
    const seqs = (newest.body.items as { seq: number }[]).map((entry) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const oldest = await admin().get('/audit?limit=1').expect(200);
    expect(oldest.body.items[0].seq).toBe(1);
    const refused = await admin().get('/audit?order=sideways').expect(400);
    expect(messages(refused.body)).toEqual(['order ska vara ett av följande värden: oldest, newest.']);
  });

  it("verifies the audit trail's chain for the administrator only", async () => {
    const checked = await admin().get('/audit/verification').expect(200);
    expect(checked.body).toEqual({
      intact: true,
      entries: expect.any(Number),
      checkedAt: expect.any(String),
      summary: expect.stringMatching(/^Kedjan är obruten: alla \d+ poster stämmer/),
      problem: null,
    });
    expect(checked.body.entries).toBeGreaterThan(5);
    await t.http.get('/audit/verification').expect(403);
    await t.as('supporter').get('/audit/verification').expect(403);
  });

  it('says a broken chain in Swedish, naming the entry', () => {
    expect(
      verdictInSwedish({
        intact: false,
        problem: 'BROKEN at entry 7: its content does not match its hash (6 entries…)',
      }),
    ).toBe(
      'Kedjan är bruten vid post 7: en post har ändrats, tagits bort eller lagts till utanför tjänsten. Driften behöver köra npm run audit:verify för detaljerna.',
    );
    expect(verdictInSwedish({ intact: false, problem: 'is unprotected: the trigger x is missing' })).toMatch(
      /^Granskningsloggens skydd är inte det som tjänsten skapade/,
    );
    expect(verdictInSwedish({ intact: true, entries: 0 })).toBe(
      'Granskningsloggen är tom: det finns inget att kontrollera ännu.',
    );
  });
});
