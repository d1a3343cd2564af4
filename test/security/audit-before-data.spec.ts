import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { caseIn, registerCase, registerSupporter, send } from '../support/case-steps.js';
import { aChildPersonnummer } from '../support/test-people.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

interface Entry {
  caseId: string | null;
  subject: string | null;
  action: string;
  resource: string;
  status: number;
  allowed: boolean;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

describe.each(DATABASES)('the audit trail sees every look at personal data (%s)', (database) => {
  let t: TestApp;
  let dataSource: DataSource;
  const admin = () => t.as('administrator', { sub: 'granskare' });
  const entries = async (query: string): Promise<Entry[]> =>
    (await admin().get(`/audit?${query}&limit=200`).expect(200)).body.items;

  beforeAll(async () => {
    t = await startTestApp({ database });
    dataSource = t.app.get(DataSource);
    t.clock.setNow('2026-11-20T10:00:00+01:00');
  });
  afterAll(() => t.close());

  /** A real database failure on every audit insert for one route: the trail cannot be written. */
  async function auditInsertsFail(resource: string, during: () => Promise<void>) {
    if (database === 'postgres') {
      await dataSource.query(
        `CREATE FUNCTION audit_refused() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit unavailable'; END $$`,
      );
      await dataSource.query(
        `CREATE TRIGGER audit_refused BEFORE INSERT ON audit_trail FOR EACH ROW WHEN (NEW.resource = '${resource}') EXECUTE FUNCTION audit_refused()`,
      );
    } else {
      await dataSource.query(
        `CREATE TRIGGER audit_refused BEFORE INSERT ON audit_trail WHEN NEW.resource = '${resource}' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`,
      );
    }
    try {
      await during();
    } finally {
      await dataSource.query(
        database === 'postgres' ? 'DROP TRIGGER audit_refused ON audit_trail' : 'DROP TRIGGER audit_refused',
      );
      if (database === 'postgres') await dataSource.query('DROP FUNCTION audit_refused()');
    }
  }

  it('sends no byte of a document when its download cannot be audited, and names the document once it can', async () => {
    const caseId = await registerCase(t);
    const uploaded = await t.http
      .post(`/cases/${caseId}/documents/uploads`)
      .attach('file', PDF, { filename: 'dom.pdf', contentType: 'application/pdf' })
      .field('kind', 'other')
      .field('title', 'Dom')
      .field('date', '2026-11-01')
      .field('author', 'Tingsrätten')
      .field('recipients', 'Familjerätten')
      .field('status', 'received')
      .expect(201);
    const path = `/cases/${caseId}/documents/${uploaded.body.id}/content`;

    await auditInsertsFail('GET /cases/:caseId/documents/:documentId/content', async () => {
      const refused = await t.http.get(path).buffer(true);
      expect(refused.status).toBe(500);
      expect(refused.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.stringify(refused.body)).not.toContain('%PDF');
    });

    const sent = await t.http.get(path).buffer(true).expect(200);
    expect(sent.headers['content-type']).toBe('application/pdf');
    const downloads = (await entries(`caseId=${caseId}`)).filter((e) => e.resource.endsWith('/content'));
    expect(downloads.map((e) => [e.action, e.subject, e.status])).toEqual([
      ['read', `document:${uploaded.body.id}`, 200],
    ]);
  });

  it('records a search by personnummer as a read of each case it found, one entry per case', async () => {
    const child = aChildPersonnummer();
    const first = await registerCase(t, { children: [{ name: 'Alva', personnummer: child }] });
    const second = await registerCase(t, { children: [{ name: 'Alva', personnummer: child }] });
    const found = await t.http.post('/cases/search').send({ personnummer: child }).expect(200);
    expect(found.body.items.map((c: { id: string }) => c.id).sort()).toEqual([first, second].sort());
    for (const caseId of [first, second]) {
      const searches = (await entries(`caseId=${caseId}`)).filter((e) => e.resource === 'POST /cases/search');
      expect(searches.map((e) => [e.action, e.status])).toEqual([['read', 200]]);
    }
  });

  it('names the supporter, the supporters paid and the visits listed as the subjects of the reads', async () => {
    const supporterId = await registerSupporter(t, 'Sara Berg');
    await t.http.get(`/supporters/${supporterId}`).expect(200);

    t.clock.setNow('2026-11-26T10:00:00+01:00');
    const caseId = await caseIn(t, 'activeVisits');
    await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: '2026-11-25T10:00:00+01:00',
      durationMinutes: 60,
      outcome: 'completed',
    });
    const missing = await t.http.get('/visits/missing-reports').expect(200);
    const { visitId, supporterId: appointed } = missing.body.items.find(
      (v: { caseId: string }) => v.caseId === caseId,
    ) as {
      visitId: string;
      supporterId: string;
    };
    await t.http.get('/compensation?month=2026-11').expect(200);
    await t.http.get('/compensation/export?month=2026-11').expect(200);

    const all = await entries('userId=test-secretary');
    const reads = (resource: string) =>
      all.filter((e) => e.resource === resource).map((e) => [e.action, e.caseId, e.subject]);
    expect(reads('GET /supporters/:id')).toEqual([['read', null, `supporter:${supporterId}`]]);
    expect(reads('GET /visits/missing-reports')).toContainEqual(['read', caseId, `visit:${visitId}`]);
    expect(reads('GET /compensation')).toContainEqual(['read', null, `supporter:${appointed}`]);
    expect(reads('GET /compensation/export')).toContainEqual(['read', null, `supporter:${appointed}`]);
  });

  it('counts requests without a valid token instead of writing one permanent entry each', async () => {
    const caseId = await registerCase(t);
    const before = (await admin().get('/audit?limit=1').expect(200)).body.total as number;
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.anonymous.get(`/cases/${caseId}-${i}`).expect(401)));
    await t.anonymous.get(`/cases/${caseId}`).set('Authorization', 'Bearer not.a.token').expect(401);
    const after = (await admin().get('/audit?limit=1').expect(200)).body.total as number;
    expect(after).toBe(before + 1); // the administrator's first look at the trail, nothing from the 21 refusals
    const counted = await admin().get('/audit/unauthenticated').expect(200);
    expect(counted.body.byResource['GET /cases/:id']).toBe(21);
  });
});
