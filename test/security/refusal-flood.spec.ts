import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AGGREGATED_REFUSALS } from '../../src/audit/signed-in-refusals.service.js';
import { registerCase } from '../support/case-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Entry {
  caseId: string | null;
  subject: string | null;
  resource: string;
  allowed: boolean;
  status: number;
}

describe.each(['sqlite'] as const)('a flood of refusals from one signed-in user (%s)', (database) => {
  let t: TestApp;
  let caseId: string;
  const intruder = { sub: 'floder', supporterId: '22222222-2222-4222-8222-222222222222' };
  const entries = async (): Promise<Entry[]> =>
    (await t.as('administrator').get(`/audit?userId=${intruder.sub}&limit=200`).expect(200)).body.items;

  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow('2026-11-20T10:00:00+01:00');
    caseId = await registerCase(t);
  });
  afterAll(() => t.close());

  it('files the first refusal of a minute at once and the other 99 as one entry with their count', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => t.as('supporter', intruder).get(`/cases/${caseId}`)),
    );
    expect(answers.every((answer) => answer.status === 404)).toBe(true);
    expect(await entries()).toEqual([
      expect.objectContaining({ caseId, resource: 'GET /cases/:id', allowed: false, status: 404 }),
    ]);

    t.clock.setNow('2026-11-20T10:01:00+01:00');
    await t.as('supporter', intruder).get(`/cases/${caseId}`).expect(404);
    expect(await entries()).toEqual([
      expect.objectContaining({ caseId, resource: 'GET /cases/:id', allowed: false }),
      expect.objectContaining({
        caseId: null,
        resource: AGGREGATED_REFUSALS,
        subject: 'refusals:99 minute:2026-11-20T09:00Z',
        allowed: false,
      }),
      expect.objectContaining({ caseId, resource: 'GET /cases/:id', allowed: false }),
    ]);
  });

  it('counts a role refused a route the same way, per subject', async () => {
    const developer = { sub: 'flod-dev' };
    await Promise.all(Array.from({ length: 5 }, () => t.as('developer', developer).get('/audit').expect(403)));
    const filed = (await t.as('administrator').get('/audit?userId=flod-dev').expect(200)).body.items as Entry[];
    expect(filed).toHaveLength(1);
  });
});
