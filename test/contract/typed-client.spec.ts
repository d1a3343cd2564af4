import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { swedishDate } from '../../src/common/swedish-date.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { aChildPersonnummer, aParentPersonnummer } from '../support/test-people.js';
import type { components, paths } from '../../web/src/api/schema.js';

type EventBody = NonNullable<paths['/cases/{id}/events']['post']['requestBody']>['content']['application/json'];
type VettingStep = components['schemas']['RecordVettingStepDto']['step'];

/** What openapi-fetch answers: the body on success, the error body otherwise. */
function answered<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined)
    throw new Error(`${result.response.status} ${result.response.url}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/**
 * The events of the README's walkthrough, as its `event '…'` lines send them: read from the
 * README, so that the page a newcomer follows cannot drift from what the service accepts.
 */
function readmeEvents(supporterId: string): EventBody[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const lines = [...readme.matchAll(/^event '(.+)'$/gm)].map((match) => match[1]);
  expect(lines.length).toBeGreaterThan(5);
  return lines.map((line) => JSON.parse(line.replaceAll("'$SUPPORTER'", supporterId)) as EventBody);
}

/**
 * A client generated from the served document (openapi-typescript types, openapi-fetch calls)
 * drives the README's walkthrough over real HTTP. This file type-checks against the generated
 * types, so a field renamed on one side only fails the build; every answer is also checked
 * against the document.
 */
describe.each(['postgres'] as const)('a client generated from the OpenAPI document (%s)', (database) => {
  let t: TestApp;
  let secretary: Client<paths>;
  let administrator: Client<paths>;

  beforeAll(async () => {
    t = await startTestApp({ database });
    await t.app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const keepsContract: Middleware = {
      async onResponse({ request, response }) {
        const contentType = response.headers.get('content-type') ?? undefined;
        const body: unknown = contentType?.startsWith('application/json') ? await response.clone().json() : undefined;
        const problem = t.contract.problemWith(request.method, request.url, response.status, contentType, body);
        if (problem) throw new Error(`The answer breaks the API contract: ${problem}`);
      },
    };
    const clientAs = (role: 'secretary' | 'administrator') => {
      const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${t.token(role)}` } });
      client.use(keepsContract);
      return client;
    };
    secretary = clientAs('secretary');
    administrator = clientAs('administrator');
    t.clock.setNow('2026-11-21T09:00:00+01:00');
  });

  afterAll(() => t.close());

  it('takes a case from the judgment to the archive the way the README shows', async () => {
    const supporter = answered(
      await secretary.POST('/supporters', {
        body: { name: 'Karin Lund', phone: '070-123 45 67', email: 'karin.lund@example.se' },
      }),
    );
    const steps: VettingStep[] = ['interview', 'references', 'criminalRecordExtract', 'socialServicesExtract'];
    for (const step of steps) {
      answered(
        await secretary.POST('/supporters/{id}/vetting', {
          params: { path: { id: supporter.id } },
          body: { step, date: swedishDate(t.clock.now()) },
        }),
      );
    }
    const decided = answered(
      await administrator.POST('/supporters/{id}/decision', {
        params: { path: { id: supporter.id } },
        body: { decision: 'approved' },
      }),
    );
    expect(decided.status).toBe('approved');

    const registered = answered(
      await secretary.POST('/cases', {
        body: {
          court: 'Uppsala tingsrätt',
          courtCaseNumber: 'T 1234-26',
          judgmentDate: '2026-09-01',
          periodStart: '2026-09-14',
          periodEnd: '2027-09-13',
          evaluationRequested: true,
          children: [{ name: 'Alva', personnummer: aChildPersonnummer() }],
          residentParent: { name: 'Maria', personnummer: aParentPersonnummer() },
          visitingParent: { name: 'Johan', personnummer: aParentPersonnummer() },
        },
      }),
    );
    expect(registered.state).toBe('received');

    const events = readmeEvents(supporter.id);
    const states: string[] = [];
    for (const event of events) {
      // The file goes to the archive with a report on every visit held.
      if (event.type === 'ARCHIVE') await reportEveryVisit(registered.id);
      const view = answered(
        await secretary.POST('/cases/{id}/events', { params: { path: { id: registered.id } }, body: event }),
      );
      states.push(view.subState ? `${view.state}.${view.subState}` : view.state);
    }
    expect(states.at(-1)).toBe('archived');

    const archived = answered(await secretary.GET('/cases/{id}', { params: { path: { id: registered.id } } }));
    if (!('parties' in archived)) throw new Error('the secretary gets the full view of the case');
    expect(archived.retention?.disposalDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(archived.visits.map((visit) => visit.outcome)).toEqual(['completed', 'stopped']);

    const history = answered(await secretary.GET('/cases/{id}/history', { params: { path: { id: registered.id } } }));
    expect(history.items.filter((entry) => entry.by.role === 'secretary').map((entry) => entry.type)).toEqual(
      expect.arrayContaining(events.map((event) => event.type)),
    );
    expect(history.items.at(-1)?.toState).toBe('archived');

    const list = answered(await secretary.GET('/cases', { params: { query: { state: 'archived', limit: 20 } } }));
    expect(list.items.map((item) => item.id)).toContain(registered.id);

    const alerts = answered(
      await secretary.GET('/alerts', { params: { query: { caseId: registered.id, status: 'all' } } }),
    );
    expect(alerts.items.map((alert) => alert.kind)).toContain('visitStopped');
  });

  async function reportEveryVisit(caseId: string): Promise<void> {
    const overview = answered(await secretary.GET('/cases/{caseId}/visits', { params: { path: { caseId } } }));
    for (const visit of overview.visits) {
      answered(
        await secretary.POST('/cases/{caseId}/visits/{visitId}/reports', {
          params: { path: { caseId, visitId: visit.id } },
          body: { text: 'Umgänget gick lugnt till.' },
        }),
      );
    }
  }

  it('gets refusals in the one error body the document describes', async () => {
    const result = await secretary.POST('/cases/{id}/events', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
      body: { type: 'INITIATE' },
    });
    expect(result.response.status).toBe(404);
    expect(result.error).toMatchObject({ statusCode: 404, error: 'NotFound' });
  });
});
