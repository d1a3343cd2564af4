import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Public } from '../src/common/roles.decorator.js';
import { AppModule } from '../src/app.module.js';
import { localSigningKey, mintLocalToken } from '../src/auth/local-tokens.js';
import { loadConfig } from '../src/config/app-config.js';
import { recordStatements, summarize, type StatementSummary } from '../src/database/statement-recorder.js';
import { deleteQueueKeys } from '../src/queue/queue-keys.js';
import { configureHttpApp } from '../src/http-app.js';
import { BenchClient, percentile } from './bench-client.js';
import { BenchDatabase, coresLine, freePort, ServiceProcess } from './bench-setup.js';

/** The cheapest route the same app can answer: the yardstick for the event endpoint. */
@Controller('bench-noop')
class NoopController {
  @Public()
  @Get()
  noop() {
    return {};
  }
}

// Valid test personnummer from Skatteverket's published list: the benchmark registers real-looking judgments.
const CHILD = '201501012395';
const RESIDENT = '198501012382';
const VISITING = '198701012398';

function lifecycle(supporterId: string): Record<string, unknown>[] {
  const visit = {
    type: 'LOG_VISIT',
    occurredAt: '2026-11-26T10:00:00+01:00',
    durationMinutes: 90,
    // Cancelled: a held visit awaits its report, and ARCHIVE waits for the reports (the benchmark files none).
    outcome: 'cancelled',
    cancelledBy: 'visitingParent',
  };
  return [
    { type: 'INITIATE', diaryNumber: 'SN 2026/1' },
    { type: 'APPOINT_SUPPORTER', supporterId, decidedAt: '2026-11-17T10:00:00+01:00' },
    { type: 'SEND_SUMMONS', sentOn: '2026-11-18', meetingAt: '2026-11-24T13:00:00+01:00' },
    {
      type: 'HOLD_STARTUP_MEETING',
      heldAt: '2026-11-24T13:00:00+01:00',
      enrollmentFormSigned: true,
      rulesAccepted: true,
    },
    { type: 'START_VISITS', documentCopiesSentAt: '2026-11-25T09:00:00+01:00' },
    visit,
    visit,
    {
      type: 'END_EARLY',
      endedOn: '2026-11-27',
      reasonCategory: 'parentsAgreed',
      reason: 'The parents go on without support',
    },
    { type: 'HOLD_CLOSING_MEETING', heldAt: '2026-11-28T10:00:00+01:00' },
    { type: 'ARCHIVE', terminationDecidedAt: '2026-11-29T10:00:00+01:00' },
  ];
}

export const judgment = {
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
  postgres: boolean;
}

/**
 * Drives many cases through the whole routine over HTTP on a SQLite file with durable commits,
 * then measures the same process's no-op route with the same client and concurrency.
 */
export async function runLifecycleBenchmark({ cases, concurrency, postgres }: LifecycleBenchOptions): Promise<void> {
  const database = await BenchDatabase.create(postgres);
  const queuePrefix = `bench-${randomBytes(4).toString('hex')}`;
  // No worker in this process: the statements counted for one event are that request's alone.
  const config = loadConfig({
    ...process.env,
    ...database.env,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: queuePrefix,
    RUN_WORKER: 'false',
  });
  @Module({ imports: [AppModule.forRoot(config)], controllers: [NoopController] })
  class BenchModule {}
  const app = await NestFactory.create(BenchModule, { logger: ['error'], bufferLogs: true });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const key = localSigningKey(config);
  const client = new BenchClient(url, bearer(mintLocalToken(key, { sub: 'bench-secretary', roles: ['secretary'] })));
  const administrator = new BenchClient(
    url,
    bearer(mintLocalToken(key, { sub: 'bench-admin', roles: ['administrator'] })),
  );
  try {
    const { eventLatencies, eventsPerSecond, eventsPerCase, cpuMsPerEvent } = await driveLifecycle(
      [client],
      [administrator],
      cases,
      concurrency,
    );

    const noop = await measureRoute(client, '/bench-noop', eventLatencies.length, concurrency);
    const bare = await bareNodeHttp((bareUrl) =>
      measureRoute(new BenchClient(bareUrl, {}), '/', eventLatencies.length, concurrency),
    );
    const oneEvent = await statementsOfOneVisit(
      app.get(DataSource),
      client,
      await approvedSupporter(client, administrator),
    );

    console.log(
      `lifecycle: ${cases} cases × ${eventsPerCase} events, ${concurrency} concurrent clients, one process (in the benchmark's own), ${database.label}`,
    );
    console.log(
      `  events           ${eventsPerSecond.toFixed(0)}/s   p50 ${percentile(eventLatencies, 50).toFixed(2)} ms   p99 ${percentile(eventLatencies, 99).toFixed(2)} ms`,
    );
    console.log(
      `  CPU per event    ${cpuMsPerEvent.toFixed(2)} ms in this process (service and client; the case's registration shared out over its events)`,
    );
    console.log(
      `  no-op route      ${noop.perSecond.toFixed(0)}/s   p50 ${percentile(noop.latencies, 50).toFixed(2)} ms   p99 ${percentile(noop.latencies, 99).toFixed(2)} ms`,
    );
    console.log(
      `  bare node:http   ${bare.perSecond.toFixed(0)}/s   p50 ${percentile(bare.latencies, 50).toFixed(2)} ms   p99 ${percentile(bare.latencies, 99).toFixed(2)} ms`,
    );
    console.log(`  ratio events / no-op route:     ${(eventsPerSecond / noop.perSecond).toFixed(3)}`);
    console.log(`  ratio events / bare node:http:  ${(eventsPerSecond / bare.perSecond).toFixed(3)}`);
    console.log(
      `  one LOG_VISIT:   ${oneEvent.statements} SQL statements, ${oneEvent.units} unit(s) of work in ${oneEvent.transactions} transaction(s), ` +
        `case row read ${oneEvent.readsByTable.cases ?? 0}×, deadlines read ${oneEvent.readsByTable.deadlines ?? 0}×, the same read repeated ${oneEvent.repeatedReads.length}×`,
    );
    console.log(
      `  reads by table:  ${Object.entries(oneEvent.readsByTable)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ')}`,
    );
  } finally {
    await app.close();
    await client.close();
    await administrator.close();
    await deleteQueueKeys(config);
    await database.drop();
  }
}

/** `requests` GETs of `path` over `concurrency` connections. */
async function measureRoute(
  client: BenchClient,
  path: string,
  requests: number,
  concurrency: number,
): Promise<{ latencies: number[]; perSecond: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const t0 = performance.now();
        await client.request('GET', path);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, perSecond: latencies.length / ((performance.now() - started) / 1000) };
}

/** The floor under any Node service on this machine: a bare `node:http` server answering `{}`, in this same process. */
async function bareNodeHttp<T>(measure: (url: string) => Promise<T>): Promise<T> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await measure(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The SQL of one LOG_VISIT request on a case in active visits, recorded with nothing else running. */
async function statementsOfOneVisit(
  dataSource: DataSource,
  client: BenchClient,
  supporterId: string,
): Promise<StatementSummary> {
  const created = await client.request('POST', '/cases', { ...judgment, courtCaseNumber: 'T 999999-26' });
  const caseId = (created.body as { id: string }).id;
  const events = lifecycle(supporterId);
  for (const event of events.slice(
    0,
    events.findIndex((e) => e.type === 'LOG_VISIT'),
  ))
    await client.request('POST', `/cases/${caseId}/events`, event);
  const { result, statements } = await recordStatements(dataSource, () =>
    client.request(
      'POST',
      `/cases/${caseId}/events`,
      events.find((e) => e.type === 'LOG_VISIT'),
    ),
  );
  if (result.status !== 200) throw new Error(`the counted LOG_VISIT answered ${result.status}`);
  return summarize(statements);
}

interface LifecycleFigures {
  eventLatencies: number[];
  eventsPerSecond: number;
  eventsPerCase: number;
  /** This process's CPU time (user and system) per event: steadier than a rate on a shared machine. */
  cpuMsPerEvent: number;
}

/**
 * `cases` cases through the whole routine, `concurrency` at a time, each client on its own
 * supporter; client i talks to the i-th of the given services (round robin).
 */
async function driveLifecycle(
  secretaries: BenchClient[],
  administrators: BenchClient[],
  cases: number,
  concurrency: number,
): Promise<LifecycleFigures> {
  const supporterIds = await Promise.all(
    Array.from({ length: concurrency }, (_, i) =>
      approvedSupporter(secretaries[i % secretaries.length], administrators[i % administrators.length]),
    ),
  );
  const eventsPerCase = lifecycle(supporterIds[0]).length;
  let nextCase = 0;
  const eventLatencies: number[] = [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    supporterIds.map(async (supporterId, i) => {
      const client = secretaries[i % secretaries.length];
      const events = lifecycle(supporterId);
      while (nextCase < cases) {
        // One open case per court case: each judgment its own case number.
        const created = await client.request('POST', '/cases', {
          ...judgment,
          courtCaseNumber: `T ${1000 + nextCase++}-26`,
        });
        const caseId = (created.body as { id: string }).id;
        for (const event of events) {
          const t0 = performance.now();
          const res = await client.request('POST', `/cases/${caseId}/events`, event);
          if (res.status !== 200)
            throw new Error(`${String(event.type)} answered ${String(res.status)}: ${JSON.stringify(res.body)}`);
          eventLatencies.push(performance.now() - t0);
        }
      }
    }),
  );
  const eventsPerSecond = eventLatencies.length / ((performance.now() - started) / 1000);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    eventLatencies,
    eventsPerSecond,
    eventsPerCase,
    cpuMsPerEvent: (cpu.user + cpu.system) / 1000 / eventLatencies.length,
  };
}

export interface ProcessesBenchOptions extends LifecycleBenchOptions {
  apiProcesses: number;
}

/**
 * The same lifecycle load on one spawned API process and then on `apiProcesses` of them (each
 * its own port, the client spreading requests), each phase on a fresh database, and their ratio.
 */
export async function runProcessesBenchmark({
  cases,
  concurrency,
  postgres,
  apiProcesses,
}: ProcessesBenchOptions): Promise<void> {
  const secret = randomBytes(32).toString('base64url');
  const key = localSigningKey(loadConfig({ JWT_SECRET: secret }));
  const rates: number[] = [];
  for (const processes of [...new Set([1, apiProcesses])]) {
    const database = await BenchDatabase.create(postgres);
    const env = {
      ...database.env,
      JWT_SECRET: secret,
      RUN_WORKER: 'false',
      QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    };
    const services: ServiceProcess[] = [];
    const secretaries: BenchClient[] = [];
    const administrators: BenchClient[] = [];
    try {
      // One at a time: the first migrates the fresh database.
      for (let i = 0; i < processes; i++) services.push(await ServiceProcess.start('main', env, freePort()));
      for (const service of services) {
        secretaries.push(
          new BenchClient(service.url!, bearer(mintLocalToken(key, { sub: 'bench-secretary', roles: ['secretary'] }))),
        );
        administrators.push(
          new BenchClient(service.url!, bearer(mintLocalToken(key, { sub: 'bench-admin', roles: ['administrator'] }))),
        );
      }
      const figures = await driveLifecycle(secretaries, administrators, cases, concurrency);
      rates.push(figures.eventsPerSecond);
      const rss = services.map((s) => s.rssMb()?.toFixed(0) ?? '?').join(', ');
      console.log(
        `lifecycle: ${cases} cases × ${figures.eventsPerCase} events, ${concurrency} concurrent clients, ${processes} API process(es), ${database.label}`,
      );
      console.log(
        `  events        ${figures.eventsPerSecond.toFixed(0)}/s   p50 ${percentile(figures.eventLatencies, 50).toFixed(2)} ms   p99 ${percentile(figures.eventLatencies, 99).toFixed(2)} ms   RSS ${rss} MB`,
      );
    } finally {
      await Promise.all([...secretaries, ...administrators].map((c) => c.close()));
      await Promise.all(services.map((s) => s.stop()));
      await deleteQueueKeys({ redis: loadConfig({}).redis, queuePrefix: env.QUEUE_PREFIX });
      await database.drop();
    }
  }
  if (rates.length === 2) {
    console.log(`  ratio ${apiProcesses} processes / 1: ${(rates[1] / rates[0]).toFixed(2)}`);
    console.log(`  ${coresLine(apiProcesses)}`);
  }
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

async function approvedSupporter(secretary: BenchClient, administrator: BenchClient): Promise<string> {
  const created = await secretary.request('POST', '/supporters', {
    name: 'Karin Lund',
    phone: '070-123 45 67',
    email: 'karin@example.se',
  });
  const id = (created.body as { id: string }).id;
  const today = new Date().toISOString().slice(0, 10);
  for (const step of ['interview', 'references', 'criminalRecordExtract', 'socialServicesExtract']) {
    await secretary.request('POST', `/supporters/${id}/vetting`, { step, date: today });
  }
  const decided = await administrator.request('POST', `/supporters/${id}/decision`, { decision: 'approved' });
  if (decided.status !== 200) throw new Error(`approving the benchmark's supporter answered ${decided.status}`);
  return id;
}
