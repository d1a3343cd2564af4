import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { birthDayOf, keptForResearch } from '../../src/disposal/research-sample.js';
import { registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

/** Test numbers from ../shared/testdata: a child born on the 15th, and people born on none of the kept days. */
const BORN_15TH = '201801152396';
const CHILD = '201801012392';
const MOTHER = '199001012385';
const FATHER = '199001022384';

describe('the research sample of the archive rules', () => {
  it('reads the day of birth, a samordningsnummer’s too', () => {
    expect(birthDayOf('201801152396')).toBe(15);
    expect(birthDayOf('201801752396')).toBe(15);
    expect(keptForResearch(['199001012385', '201801152396'], [5, 15, 25])).toBe(true);
    expect(keptForResearch(['199001012385'], [5, 15, 25])).toBe(false);
    expect(keptForResearch(['199001012385'], 'all')).toBe(true);
    expect(keptForResearch(['201801152396'], [])).toBe(false);
  });
});

describe.each(DATABASES)('disposal keeps the research sample (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database, env: { RETENTION_YEARS: '1' } });
    t.clock.setNow('2026-12-10T12:00:00+01:00');
  });
  afterAll(() => t.close());

  const archivedCase = async (child: string) => {
    const judgment = aJudgment({
      children: [{ name: 'Alva', personnummer: child }],
      residentParent: { name: 'Maria', personnummer: MOTHER },
      visitingParent: { name: 'Johan', personnummer: FATHER },
      confirmDuplicateOf: undefined,
    });
    const caseId = (await t.http.post('/cases').send(judgment).expect(201)).body.id as string;
    const supporterId = await registerSupporter(t);
    for (const event of stepsTo('initiated', supporterId)) await send(t, caseId, event);
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'Tingsrätten ändrade domen' });
    await send(t, caseId, { type: 'ARCHIVE', terminationDecidedAt: '2026-12-10T10:00:00+01:00' });
    return caseId;
  };

  it('keeps a file whose child was born on the 15th past its disposal date, says why, and disposes of the other', async () => {
    const kept = await archivedCase(BORN_15TH);
    const disposed = await archivedCase(CHILD);
    t.clock.setNow('2028-01-10T12:00:00+01:00');
    const stays = [
      { caseId: kept, archivedAt: expect.any(String), disposalDate: '2027-12-10', reason: 'researchSample' },
    ];
    const due = await t.as('administrator').get('/disposals/due').expect(200);
    expect(due.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([disposed]);
    expect(due.body.kept).toEqual(stays);
    const done = await t.as('administrator').post('/disposals').send({ dryRun: false }).expect(200);
    expect(done.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([disposed]);
    await t.http.get(`/cases/${disposed}`).expect(404);
    expect((await t.http.get(`/cases/${kept}`).expect(200)).body.state).toBe('archived');
    // Marked at the run, it still shows as staying, and why.
    const after = await t.as('administrator').get('/disposals/due').expect(200);
    expect(after.body).toMatchObject({ items: [], total: 0, kept: stays });
  });
});
