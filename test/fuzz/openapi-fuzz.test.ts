import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { verifyAuditTrail } from '../../src/audit/audit-verification.js';
import { mintLocalToken } from '../../src/auth/local-tokens.js';
import type { Role } from '../../src/common/actor.js';
import { CaseHistoryEntry } from '../../src/cases/case-history-entry.entity.js';
import { CaseRecord } from '../../src/cases/case-record.entity.js';
import { caseIn, registerCase, registerSupporter } from '../support/case-steps.js';
import { aJudgment } from '../support/judgment-builder.js';
import { ADDRESSES, prepareLetterhead } from '../support/letter-support.js';
import { aChildPersonnummer, aParentPersonnummer } from '../support/test-people.js';
import { startTestApp, type TestApp, type TestDatabase } from '../support/test-app.js';
import { ensureWebBuilt } from '../web/web-build.js';
import { operationsOf, type OpenApiDocument } from './openapi-model.js';
import { requestsFor, type Caller, type FuzzRequest, type FuzzWorld } from './request-arbitraries.js';

/*
 * CI runs a fixed seed and a bounded count on SQLite; `npm run fuzz -- --runs 20000 [--seed N]
 * [--database postgres]` sets FUZZ_RUNS, FUZZ_SEED and FUZZ_DATABASE for a longer hunt. The seed is
 * printed so any failure can be replayed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 800);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
const DATABASE = (process.env.FUZZ_DATABASE ?? 'sqlite') as TestDatabase;
/** Far above any real answer on this machine: a request still open after this is hung. */
const REQUEST_TIMEOUT_MS = 10_000;

describe(`generated requests over every operation of the OpenAPI document (${DATABASE})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let world: FuzzWorld;
  let authorization: (caller: Caller) => string | undefined;

  beforeAll(async () => {
    // The app's own pages are among the addresses: served as npm run build builds them, not the "not built" 503.
    await ensureWebBuilt();
    t = await startTestApp({ database: DATABASE });
    t.clock.setNow('2026-11-20T10:00:00+01:00');
    const supporterId = await registerSupporter(t);
    await prepareLetterhead(t);
    const withAddresses = aJudgment();
    withAddresses.residentParent = {
      ...withAddresses.residentParent,
      address: ADDRESSES.resident,
    } as typeof withAddresses.residentParent;
    withAddresses.visitingParent = {
      ...withAddresses.visitingParent,
      address: ADDRESSES.visiting,
    } as typeof withAddresses.visitingParent;
    const cases = [await caseIn(t, 'activeVisits', withAddresses), await caseIn(t, 'initiated'), await registerCase(t)];
    const plan = await t.http
      .post(`/cases/${cases[0]}/visit-plans`)
      .send({ plannedFor: '2026-12-05T10:00:00+01:00', place: 'Besöksrummet' })
      .expect(201);
    const letter = await t.http
      .post(`/cases/${cases[0]}/documents/letters`)
      .send({ kind: 'supporterDecision' })
      .expect(201);
    const alerts = await t.http.get('/alerts?status=all').expect(200);
    const ids = [
      supporterId,
      ...cases,
      plan.body.id,
      letter.body.items[0].id,
      ...alerts.body.items.map((a: { id: string }) => a.id),
    ].filter((id): id is string => typeof id === 'string');

    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as OpenApiDocument;
    world = {
      document,
      ids,
      personnummer: [aChildPersonnummer(), aChildPersonnummer(), aParentPersonnummer(), aParentPersonnummer()],
    };

    const otherKey = randomBytes(32);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({
        sub: 'x',
        roles: ['administrator'],
        iss: 'umgangesstod',
        aud: 'umgangesstod',
        exp: 4_102_444_800,
      }),
    ).toString('base64url')}.`;
    const tokens: Record<Caller, string | undefined> = {
      secretary: t.token('secretary'),
      supporter: t.token('supporter', { sub: 'karin', supporterId }),
      administrator: t.token('administrator'),
      developer: t.token('developer'),
      none: undefined,
      expired: t.token('secretary', {}, { expiresInSeconds: -60 }),
      forged: mintLocalToken(otherKey, { sub: 'mallory', roles: ['administrator'] }),
      unsigned,
      otherAudience: t.token('administrator', {}, { audience: 'another-service' }),
      unknownRole: t.token('root' as Role),
      garbage: 'x.y.z',
    };
    authorization = (caller) => (tokens[caller] === undefined ? undefined : `Bearer ${tokens[caller]}`);
  });
  afterAll(() => t.close());

  /** Node's default --max-http-header-size, in bytes. */
  const NODE_HEADER_LIMIT = 16 * 1024;

  async function send(request: FuzzRequest): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { ...request.headers };
    const auth = authorization(request.caller);
    if (auth) headers.authorization = auth;
    let body: string | FormData | undefined;
    if (request.body?.kind === 'json') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body.value);
    } else if (request.body?.kind === 'raw') {
      headers['content-type'] = request.body.contentType;
      body = request.body.text;
    } else if (request.body?.kind === 'form') {
      const form = new FormData();
      for (const [name, value] of request.body.fields) form.append(name, value);
      const file = request.body.file;
      if (file) form.append('file', new Blob([Uint8Array.from(file.bytes)], { type: file.type }), file.name);
      body = form;
    }
    // Node answers an address past its header limit with 431 and closes the connection unread: a
    // body sent with it would race the close (EPIPE) and say nothing about the service.
    const addressTooLong = Buffer.byteLength(request.url) > NODE_HEADER_LIMIT;
    const response = await fetch(baseUrl + request.url, {
      method: request.method,
      headers,
      body: addressTooLong ? undefined : body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // The inspector's event stream stays open by design: its headers are the answer.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, text: '' };
    }
    return { status: response.status, text: await response.text() };
  }

  it(
    `answers every generated request (${RUNS} of them, seed ${SEED}) with less than 500 and before the time limit`,
    async () => {
      process.stdout.write(
        `OpenAPI fuzz: seed ${SEED}, ${RUNS} runs (replay: npm run fuzz -- --seed ${SEED} --runs ${RUNS})\n`,
      );
      const operations = operationsOf(world.document);
      expect(operations.length).toBeGreaterThan(30);
      const anyRequest = fc.oneof(...operations.map((operation) => requestsFor(world, operation)));
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(anyRequest, async (request) => {
          const { status, text } = await send(request);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500)
            throw new Error(`${request.method} ${request.url.slice(0, 300)} answered ${status}: ${text.slice(0, 300)}`);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // How deep the run got: a run of only 401s and 400s would prove little.
      process.stdout.write(
        `OpenAPI fuzz answers: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}\n`,
      );
    },
    60_000 + RUNS * 250,
  );

  it('is healthy afterwards', async () => {
    const health = await fetch(`${baseUrl}/health`);
    expect(health.status).toBe(200);
  });

  it('keeps every case’s history contiguous (versions 1..n) and ending in the case’s state', async () => {
    const dataSource = t.app.get(DataSource);
    const records = await dataSource.getRepository(CaseRecord).find();
    expect(records.length).toBeGreaterThanOrEqual(3);
    for (const record of records) {
      const history = await dataSource
        .getRepository(CaseHistoryEntry)
        .find({ where: { caseId: record.id }, order: { version: 'ASC' } });
      expect(history.map((entry) => entry.version)).toEqual(Array.from({ length: record.version }, (_, i) => i + 1));
      expect(history.at(-1)?.toState).toBe(record.state);
    }
  });

  it('leaves an audit trail whose hash chain verifies', async () => {
    expect(await verifyAuditTrail(t.app.get(DataSource), t.config)).toMatchObject({ intact: true });
  });
});
