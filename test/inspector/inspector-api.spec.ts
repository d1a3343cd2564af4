import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseMachine } from '../../machines/case-machine.js';
import { machineGraph } from '../../src/inspector/machine-graph.js';
import { caseIn, registerCase, send } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DAY } from '../support/test-clock.js';
import { shortForm } from '../support/test-people.js';
import { listening, StreamReader } from './inspector-support.js';

describe.each(['sqlite'] as const)('the inspector API (%s)', (database) => {
  let t: TestApp;
  const get = (path: string) => t.as('developer').get(path);

  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow(TEST_DAY);
  });
  afterAll(() => t.close());

  it('describes the machine from its definition: every state, nested ones with their parent', async () => {
    const res = await get('/inspector/api/machine').expect(200);
    expect(res.body.states.map((s: { id: string }) => s.id)).toEqual(machineGraph(caseMachine).states.map((s) => s.id));
    expect(res.body.states).toContainEqual(
      expect.objectContaining({ id: 'startupMeeting.held', key: 'held', parent: 'startupMeeting' }),
    );
    expect(res.body.transitions).toContainEqual(
      expect.objectContaining({
        source: 'startupMeeting',
        target: 'activeVisits',
        event: 'START_VISITS',
        guard: 'startupMeetingsCompleted',
      }),
    );
  });

  it('counts the cases in each state, sub-states apart', async () => {
    const before = (await get('/inspector/api/counts').expect(200)).body.items as { state: string; count: number }[];
    const count = (items: typeof before, state: string) => items.find((i) => i.state === state)?.count ?? 0;
    await caseIn(t, 'startupMeeting.held');
    await registerCase(t);
    const after = (await get('/inspector/api/counts').expect(200)).body.items as typeof before;
    expect(count(after, 'startupMeeting.held') - count(before, 'startupMeeting.held')).toBe(1);
    expect(count(after, 'received') - count(before, 'received')).toBe(1);
  });

  it("shows a case's path with sub-states and times, its pending deadlines and the events it may take", async () => {
    const caseId = await caseIn(t, 'activeVisits');
    const res = await get(`/inspector/api/cases/${caseId}`).expect(200);
    expect(res.body).toMatchObject({
      id: caseId,
      state: 'activeVisits',
      allowedEvents: expect.arrayContaining(['LOG_VISIT', 'END_EARLY']),
    });
    expect(res.body.path.map((s: { eventType: string; to: string }) => `${s.eventType}→${s.to}`)).toEqual([
      'REGISTER→received',
      'INITIATE→initiated',
      'APPOINT_SUPPORTER→supporterAppointed',
      'SEND_SUMMONS→startupMeeting.summoned',
      'HOLD_STARTUP_MEETING→startupMeeting.held',
      'START_VISITS→activeVisits',
    ]);
    expect(res.body.path[3]).toMatchObject({
      from: 'supporterAppointed',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(res.body.path[3].allowedEvents).toContain('HOLD_STARTUP_MEETING');
    expect(res.body.pendingDeadlines.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'midpoint',
      'noRecentVisit',
      'periodEnd',
    ]);
  });

  it("shows no payload in a case's path: no personnummer, no diary number", async () => {
    const body = aJudgment();
    const caseId = (await t.http.post('/cases').send(body).expect(201)).body.id as string;
    await send(t, caseId, { type: 'INITIATE', diaryNumber: 'SN 2026/0042' });
    const text = JSON.stringify((await get(`/inspector/api/cases/${caseId}`).expect(200)).body);
    for (const person of [...body.children, body.residentParent, body.visitingParent]) {
      expect(text).not.toContain(person.personnummer.slice(2));
      expect(text).not.toContain(person.name);
    }
    expect(text).not.toContain('SN 2026/0042');
    expect(text).not.toContain(body.courtCaseNumber);
  });

  it('opens its page to anyone and its data to developers only', async () => {
    await t.anonymous.get('/inspector').expect(200).expect('Content-Type', /html/);
    await t.anonymous.get('/inspector/assets/elk.bundled.js').expect(200);
    await t.anonymous.get('/inspector/assets/..%2Fpackage.json').expect(404);
    await t.anonymous.get('/inspector/api/counts').expect(401);
    await t.anonymous.get('/inspector/api/stream').expect(401);
    await t.http.get('/inspector/api/counts').expect(403);
    await t.as('supporter').get('/inspector/api/machine').expect(403);
  });

  it('answers 404 for an unknown case and 400 for an id that is not one', async () => {
    await get('/inspector/api/cases/8a0f4b8e-2a4b-4c55-9f64-0d2f5e7c9a11').expect(404);
    await get('/inspector/api/cases/not-an-id').expect(400);
  });

  it('streams the inspection events of every committed change, with no personnummer in them', async () => {
    const stream = new StreamReader(await listening(t), t.token('developer'));
    try {
      await stream.ready();
      const body = aJudgment();
      const child = body.children[0].personnummer;
      const caseId = (await t.http.post('/cases').send(body).expect(201)).body.id as string;
      await send(t, caseId, { type: 'INITIATE', diaryNumber: 'SN 2026/0042' });
      // A secretary may well type a personnummer into a free-text reason: it must not reach the stream.
      await send(t, caseId, {
        type: 'END_EARLY',
        reasonCategory: 'other',
        reason: `Barnet ${child} har flyttat, parterna är överens`,
      });
      await stream.until((messages) =>
        messages.some((m) => m.caseId === caseId && m.version === 3 && m.inspection === '@xstate.snapshot'),
      );

      const ofCase = stream.messages.filter((m) => m.caseId === caseId);
      expect(
        ofCase
          .filter((m) => m.inspection === '@xstate.snapshot' && m.eventType !== 'xstate.init')
          .map((m) => `${m.eventType}→${m.state}`),
      ).toEqual(['INITIATE→initiated', 'END_EARLY→closing.awaitingClosingMeeting']);
      expect(ofCase.filter((m) => m.inspection === '@xstate.actor')).toHaveLength(3);
      for (const message of stream.messages) {
        expect(Object.keys(message).sort()).toEqual(['at', 'caseId', 'eventType', 'inspection', 'state', 'version']);
      }
      for (const person of [...body.children, body.residentParent, body.visitingParent]) {
        const n = person.personnummer;
        for (const form of [n, n.slice(2), shortForm(n), `${n.slice(0, 8)}-${n.slice(8)}`])
          expect(stream.text).not.toContain(form);
        expect(stream.text).not.toContain(person.name);
      }
      for (const secret of ['flyttat', 'SN 2026/0042', body.courtCaseNumber, body.court])
        expect(stream.text).not.toContain(secret);
    } finally {
      await stream.stop();
    }
  });
});
