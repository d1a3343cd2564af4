import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { DeadlineJob } from '../../src/deadlines/deadline.job.js';
import { registerCase, registerSupporter, stepsTo } from '../support/case-steps.js';
import type { TestApp } from '../support/test-app.js';
import { caseOf, DeadlineRig } from '../deadlines/deadline-support.js';
import { eventually } from '../support/eventually.js';
import { listening, StreamReader } from '../inspector/inspector-support.js';

const DAY = 86_400_000;

describe('two API processes and two workers on one PostgreSQL schema and one Redis prefix', () => {
  let rig: DeadlineRig;
  let api: [TestApp, TestApp];
  let workers: INestApplicationContext[];

  beforeAll(async () => {
    rig = await DeadlineRig.create('postgres', { REMINDER_SUPPORTER_NOT_APPOINTED_DAYS: '10' });
    rig.clock.setNow('2026-11-20T09:00:00+01:00');
    // Started one after the other: the first one migrates the schema (as compose's migrate step does).
    api = [await rig.startService({ runWorker: false }), await rig.startService({ runWorker: false })];
    workers = [await rig.startWorker(), await rig.startWorker()];
  }, 60_000);
  afterAll(() => rig.dispose());

  it('ends racing events on one case, sent through different processes, with one winner and one 409', async () => {
    const supporterId = await registerSupporter(api[0]);
    for (let round = 0; round < 5; round++) {
      const caseId = await registerCase(api[round % 2]);
      const events = stepsTo('supporterAppointed', supporterId);
      const answers = await Promise.all(
        api.map((t) => t.http.post(`/cases/${caseId}/events`).set('If-Match', '"1"').send(events[0])),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const seen = await Promise.all(api.map(async (t) => (await t.http.get(`/cases/${caseId}`).expect(200)).body));
      expect(seen.map((c) => [c.state, c.version])).toEqual([
        ['initiated', 2],
        ['initiated', 2],
      ]);
    }
  });

  it('fires each deadline once, whichever worker gets it', async () => {
    const fired: string[] = [];
    const stopListening = workers.map((w) =>
      w.get(DeadlineJob).onOutcome((id, outcome) => outcome === 'fired' && fired.push(id)),
    );
    try {
      const cases: string[] = [];
      for (let i = 0; i < 6; i++) cases.push(await registerCase(api[i % 2]));
      rig.clock.advance(10 * DAY + 1000);
      await eventually(async () => {
        const { body } = await api[1].http.get('/alerts?kind=supporterNotAppointed&limit=100').expect(200);
        expect(cases.every((id) => body.items.some((a: { caseId: string }) => a.caseId === id))).toBe(true);
      }, 20_000);
      const reminders = await Promise.all(
        cases.map(
          async (caseId) =>
            (await caseOf(api[0], caseId)).deadlines.find((d) => d.kind === 'supporterNotAppointed')!.id,
        ),
      );
      await rig.settled(reminders);
      expect(fired.length).toBeGreaterThanOrEqual(cases.length);
      expect(new Set(fired).size).toBe(fired.length);
    } finally {
      stopListening.forEach((stop) => stop());
    }
  }, 40_000);

  it("shows in one process's inspector stream a change made through the other", async () => {
    const stream = new StreamReader(await listening(api[1]), api[1].token('developer'));
    try {
      await stream.ready();
      const caseId = await registerCase(api[0]);
      await api[0].http.post(`/cases/${caseId}/events`).send(stepsTo('initiated', 'none')[0]).expect(200);
      await stream.until((messages) => messages.some((m) => m.caseId === caseId && m.eventType === 'INITIATE'), 10_000);
    } finally {
      await stream.stop();
    }
  });

  it('holds an address to one rate limit across the API processes', async () => {
    const offer = { name: 'Eva Berg', phone: '070-111 22 33', email: 'eva.berg@example.se' };
    const statuses: number[] = [];
    for (let call = 0; call < 12; call++)
      statuses.push((await api[call % 2].anonymous.post('/supporters/interest').send(offer)).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
