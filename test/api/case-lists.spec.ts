import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Alert } from '../../src/alerts/alert.entity.js';
import { EXACT_TOTAL_UP_TO } from '../../src/database/list-totals.js';
import { registerCase, send } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DAY } from '../support/test-clock.js';

describe.each(DATABASES)('paging through the case list (%s)', (database) => {
  let t: TestApp;
  const registered: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow(TEST_DAY);
    // Two registered in the same instant: the id breaks the tie, in both kinds of paging.
    for (let i = 0; i < 5; i++) {
      registered.push(await registerCase(t));
      if (i !== 1) t.clock.advance(1000);
    }
    await send(t, registered[2], { type: 'INITIATE', diaryNumber: 'SN 2026/0042' });
  });
  afterAll(() => t.close());

  async function walk(query: string): Promise<{ ids: string[]; totals: number[] }> {
    const ids: string[] = [];
    const totals: number[] = [];
    let next: string | null = null;
    do {
      const body: { items: { id: string }[]; total: number; next: string | null } = (
        await t.http.get(`/cases?${query}&limit=2${next ? `&after=${next}` : ''}`).expect(200)
      ).body;
      ids.push(...body.items.map((c) => c.id));
      totals.push(body.total);
      next = body.next;
    } while (next);
    return { ids, totals };
  }

  it('walks every case once with the next cursor, in the same order as offset paging', async () => {
    const byOffset = (await t.http.get('/cases?limit=200').expect(200)).body;
    expect(byOffset.next).toBeNull();
    const { ids, totals } = await walk('');
    expect(ids).toEqual(byOffset.items.map((c: { id: string }) => c.id));
    expect(ids).toHaveLength(5);
    expect(totals).toEqual([5, 5, 5]);
  });

  it('keeps the state filter along the cursor', async () => {
    const { ids, totals } = await walk('state=received');
    expect(ids.sort()).toEqual(registered.filter((id) => id !== registered[2]).sort());
    expect(totals[0]).toBe(4);
  });

  it('gives a next cursor on an offset page too, and refuses a cursor it did not make', async () => {
    const page = (await t.http.get('/cases?limit=2&offset=2').expect(200)).body;
    const after = (await t.http.get(`/cases?limit=2&after=${page.next}`).expect(200)).body;
    expect(after.items.map((c: { id: string }) => c.id)).toEqual(
      (await t.http.get('/cases?limit=2&offset=4').expect(200)).body.items.map((c: { id: string }) => c.id),
    );
    const refused = await t.http.get('/cases?after=bm90LWEtY3Vyc29y').expect(400);
    expect(JSON.stringify(refused.body)).toMatch(/after ska vara markören för nästa sida/);
    await t.http.get('/cases?after=no%20such').expect(400);
  });

  it('answers an offset page deep in a state with the same summaries the cursor reaches', async () => {
    const { ids } = await walk('state=received');
    const byOffset = (await t.http.get('/cases?state=received&limit=2&offset=3').expect(200)).body;
    expect(byOffset.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(3));
    expect(byOffset.next).toBeNull();
    expect(byOffset.items[0]).toEqual({
      id: ids[3],
      state: 'received',
      subState: null,
      version: 1,
      court: 'Uppsala tingsrätt',
      courtCaseNumber: expect.any(String),
      periodStart: expect.any(String),
      periodEnd: expect.any(String),
      responsibleSecretaryId: expect.any(String),
      updatedAt: expect.any(String),
    });
    const middle = (await t.http.get('/cases?state=received&limit=2&offset=1').expect(200)).body;
    expect(middle.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(1, 3));
    expect(
      (await t.http.get(`/cases?state=received&limit=2&after=${middle.next}`).expect(200)).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual(ids.slice(3));
    expect((await t.http.get('/cases?state=received&offset=4').expect(200)).body).toMatchObject({
      items: [],
      total: 4,
      next: null,
    });
  });
});

describe.each(DATABASES)('the total of a long list (%s)', (database) => {
  let t: TestApp;
  let alerts: ReturnType<DataSource['getRepository']>;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp({ database });
    t.clock.setNow(TEST_DAY);
    caseId = await registerCase(t);
    alerts = t.app.get(DataSource).getRepository(Alert);
    // Written straight to the table, as another process (or years of deadlines) would have.
    const raisedAt = new Date('2026-11-20T09:00:00Z');
    const rows = Array.from({ length: EXACT_TOTAL_UP_TO + 5 }, (_, i) => ({
      id: randomUUID(),
      caseId: i < 3 ? caseId : randomUUID(),
      kind: 'deadlineFailed' as const,
      deadlineId: null,
      detail: null,
      raisedAt: new Date(raisedAt.getTime() + i * 1000),
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
    }));
    for (let i = 0; i < rows.length; i += 200) await alerts.insert(rows.slice(i, i + 200));
  });
  afterAll(() => t.close());

  const alertPage = async (query: string) =>
    (await t.http.get(`/alerts?${query}`).expect(200)).body as { items: { id: string }[]; total: number };

  it('counts past a thousand alerts, and pages to the last of them', async () => {
    const first = await alertPage('limit=50');
    expect(first.total).toBe(EXACT_TOTAL_UP_TO + 5);
    expect(first.items).toHaveLength(50);
    const last = await alertPage(`limit=50&offset=${EXACT_TOTAL_UP_TO}`);
    expect(last.items).toHaveLength(5);
    expect(last.total).toBe(EXACT_TOTAL_UP_TO + 5);
  });

  it('keeps a total past a thousand for a moment, while a short list counts a new alert at once', async () => {
    await alertPage('limit=1');
    await alertPage(`caseId=${caseId}&limit=1`);
    await alerts.insert({
      id: randomUUID(),
      caseId,
      kind: 'deadlineFailed',
      deadlineId: null,
      detail: null,
      raisedAt: new Date(),
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
    });
    expect((await alertPage(`caseId=${caseId}&limit=1`)).total).toBe(4);
    expect((await alertPage('limit=1')).total).toBe(EXACT_TOTAL_UP_TO + 5);
  });
});
