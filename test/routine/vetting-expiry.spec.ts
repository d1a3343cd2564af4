import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The register shows when a supporter's register extracts run out, and picks those that soon will. */
describe('supporters whose register extracts run out', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  async function supporterWithExtracts(name: string, criminalRecord?: string, socialServices?: string) {
    const id = (
      await t.http.post('/supporters').send({ name, phone: '070-123 45 67', email: 'a@example.se' }).expect(201)
    ).body.id as string;
    if (criminalRecord) {
      await t.http
        .post(`/supporters/${id}/vetting`)
        .send({ step: 'criminalRecordExtract', date: criminalRecord })
        .expect(200);
    }
    if (socialServices) {
      await t.http
        .post(`/supporters/${id}/vetting`)
        .send({ step: 'socialServicesExtract', date: socialServices })
        .expect(200);
    }
    ids[name] = id;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { SUPPORTER_VETTING_VALID_MONTHS: '12' } });
    t.clock.setNow('2026-11-20T09:00:00+01:00');
    await supporterWithExtracts('Soon', '2025-12-10', '2026-06-01');
    await supporterWithExtracts('Later', '2026-10-01', '2026-11-01');
    await supporterWithExtracts('Missing', '2026-10-01');
  });

  afterAll(() => t.close());

  it('gives the last day both extracts are valid: the older one’s, or none while one is missing', async () => {
    const valid = async (name: string) =>
      (await t.http.get(`/supporters/${ids[name]}`).expect(200)).body.vettingValidUntil;
    await expect(valid('Soon')).resolves.toBe('2026-12-09');
    await expect(valid('Later')).resolves.toBe('2027-09-30');
    await expect(valid('Missing')).resolves.toBeNull();
  });

  it('lists only those whose extracts run out within the days asked for', async () => {
    const names = async (days: number) =>
      (
        (await t.http.get('/supporters').query({ vettingExpiresWithinDays: days }).expect(200)).body.items as {
          name: string;
        }[]
      ).map((s) => s.name);
    await expect(names(60)).resolves.toEqual(['Soon']);
    await expect(names(0)).resolves.toEqual([]);
    await expect(names(366)).resolves.toEqual(['Soon', 'Later']);
    await t.http.get('/supporters').query({ vettingExpiresWithinDays: 400 }).expect(400);
  });
});
