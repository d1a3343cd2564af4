import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Public } from '../src/auth/roles.decorator.js';
import { AppModule } from '../src/app.module.js';
import { localSigningKey, mintLocalToken } from '../src/auth/local-tokens.js';
import { loadConfig } from '../src/config/app-config.js';
import { deleteQueueKeys } from '../src/queue/queue-keys.js';
import { configureHttpApp } from '../src/http-app.js';
import { BenchClient, percentile } from './bench-client.js';

/** The cheapest route the same app can answer: the yardstick for the event endpoint. */
@Controller('bench-noop')
class NoopController {
  @Public()
  @Get()
  noop() {
    return {};
  }
}

// Valid Skatteverket test numbers (../shared/testdata): the benchmark registers real-looking judgments.
const CHILD = '201501012395';
const RESIDENT = '198501012382';
const VISITING = '198701012398';

function lifecycle(supporterId: string): Record<string, unknown>[] {
  const visit = { type: 'LOG_VISIT', occurredAt: '2026-11-20T10:00:00+01:00', durationMinutes: 90, outcome: 'completed' };
  return [
    { type: 'INITIATE', diaryNumber: 'SN 2026/1' },
    { type: 'APPOINT_SUPPORTER', supporterId, decidedAt: '2026-11-17T10:00:00+01:00' },
    { type: 'SEND_SUMMONS', meetingAt: '2026-11-24T13:00:00+01:00' },
    { type: 'HOLD_STARTUP_MEETING', heldAt: '2026-11-24T13:00:00+01:00', enrollmentFormSigned: true, rulesAccepted: true },
    { type: 'START_VISITS', documentCopiesSentAt: '2026-11-25T09:00:00+01:00' },
    visit,
    visit,
    { type: 'END_EARLY', reason: 'The parents go on without support' },
    { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-12-20T10:00:00+01:00' },
    { type: 'ARCHIVE', terminationDecidedAt: '2026-12-21T10:00:00+01:00' },
  ];
}

const judgment = {
  court: 'Uppsala tingsrätt',
  courtCaseNumber: 'T 1234-26',
  judgmentDate: '2026-11-02',
  periodStart: '2026-11-16',
  periodEnd: '2027-11-15',
  evaluationRequested: false,
  children: [{ name: 'Alva', personnummer: CHILD }],
  residentParent: { name: 'Maria', personnummer: RESIDENT },
  visitingParent: { name: 'Johan', personnummer: VISITING },
};

export interface LifecycleBenchOptions {
  cases: number;
  concurrency: number;
}

/**
 * Drives many cases through the whole routine over HTTP on a SQLite file with durable commits,
 * then measures the same process's no-op route with the same client and concurrency.
 */
export async function runLifecycleBenchmark({ cases, concurrency }: LifecycleBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'umgangesstod-bench-'));
  const queuePrefix = `bench-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({ ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn', DATABASE_URL: '', QUEUE_PREFIX: queuePrefix });
  @Module({ imports: [AppModule.forRoot(config)], controllers: [NoopController] })
  class BenchModule {}
  const app = await NestFactory.create(BenchModule, { logger: ['error'], bufferLogs: true });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const key = localSigningKey(config);
  const client = new BenchClient(url, bearer(mintLocalToken(key, { sub: 'bench-secretary', roles: ['secretary'] })));
  const administrator = new BenchClient(url, bearer(mintLocalToken(key, { sub: 'bench-admin', roles: ['administrator'] })));
  try {
    // One appointable supporter per client: each takes one assignment at a time.
    const supporterIds = await Promise.all(Array.from({ length: concurrency }, () => approvedSupporter(client, administrator)));
    const eventsPerCase = lifecycle(supporterIds[0]).length;

    let nextCase = 0;
    const eventLatencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      supporterIds.map(async (supporterId) => {
        const events = lifecycle(supporterId);
        while (nextCase < cases) {
          nextCase++;
          const created = await client.request('POST', '/cases', judgment);
          const caseId = (created.body as { id: string }).id;
          for (const event of events) {
            const t0 = performance.now();
            const res = await client.request('POST', `/cases/${caseId}/events`, event);
            if (res.status !== 200) throw new Error(`${event.type} answered ${res.status}`);
            eventLatencies.push(performance.now() - t0);
          }
        }
      }),
    );
    const eventSeconds = (performance.now() - started) / 1000;
    const eventsPerSecond = eventLatencies.length / eventSeconds;

    const noopLatencies: number[] = [];
    const noopStarted = performance.now();
    let nextNoop = 0;
    const noopRequests = eventLatencies.length;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (nextNoop++ < noopRequests) {
          const t0 = performance.now();
          await client.request('GET', '/bench-noop');
          noopLatencies.push(performance.now() - t0);
        }
      }),
    );
    const noopPerSecond = noopLatencies.length / ((performance.now() - noopStarted) / 1000);

    console.log(`lifecycle: ${cases} cases × ${eventsPerCase} events, ${concurrency} concurrent clients, SQLite WAL synchronous=FULL`);
    console.log(`  events        ${eventsPerSecond.toFixed(0)}/s   p50 ${percentile(eventLatencies, 50).toFixed(2)} ms   p99 ${percentile(eventLatencies, 99).toFixed(2)} ms`);
    console.log(`  no-op route   ${noopPerSecond.toFixed(0)}/s   p50 ${percentile(noopLatencies, 50).toFixed(2)} ms   p99 ${percentile(noopLatencies, 99).toFixed(2)} ms`);
    console.log(`  ratio events / no-op: ${(eventsPerSecond / noopPerSecond).toFixed(2)} (target ≥ 0.50)`);
  } finally {
    await app.close();
    await client.close();
    await administrator.close();
    rmSync(dir, { recursive: true, force: true });
    await deleteQueueKeys(config);
  }
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

async function approvedSupporter(secretary: BenchClient, administrator: BenchClient): Promise<string> {
  const created = await secretary.request('POST', '/supporters', { name: 'Karin Lund', phone: '070-123 45 67', email: 'karin@example.se' });
  const id = (created.body as { id: string }).id;
  const today = new Date().toISOString().slice(0, 10);
  for (const step of ['interview', 'references', 'criminalRecordExtract', 'socialServicesExtract']) {
    await secretary.request('POST', `/supporters/${id}/vetting`, { step, date: today });
  }
  const decided = await administrator.request('POST', `/supporters/${id}/decision`, { decision: 'approved' });
  if (decided.status !== 200) throw new Error(`approving the benchmark's supporter answered ${decided.status}`);
  return id;
}
