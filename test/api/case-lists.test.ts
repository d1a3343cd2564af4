import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerCase, send } from '../support/case-steps.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DATABASES)('paging through the case list (%s)', (database) => {
  let t: TestApp;
  const registered: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ database });
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
    expect(after.items.map((c: { id: string }) => c.id)).toEqual((await t.http.get('/cases?limit=2&offset=4').expect(200)).body.items.map((c: { id: string }) => c.id));
    const refused = await t.http.get('/cases?after=bm90LWEtY3Vyc29y').expect(400);
    expect(JSON.stringify(refused.body)).toMatch(/after must be the next cursor/);
    await t.http.get('/cases?after=no%20such').expect(400);
  });
});
