import { createServer, connect, type Server, type Socket } from 'node:net';
import { request, type ClientRequest, type Server as HttpServer } from 'node:http';
import { afterEach, describe, expect, it } from '@jest/globals';
import { drainThenClose } from '../../src/health/graceful-shutdown.js';
import { Readiness } from '../../src/health/readiness.js';
import { aJudgment } from '../support/judgment-builder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A TCP relay to the machine's PostgreSQL that a test can cut: the database gone, as far as the service can tell. */
class CuttableRelay {
  private readonly sockets = new Set<Socket>();
  private readonly server: Server = createServer((client) => this.relay(client));
  port = 0;

  private constructor(private readonly target: number) {}

  static async to(target: number): Promise<CuttableRelay> {
    const relay = new CuttableRelay(target);
    await new Promise<void>((done) => relay.server.listen(0, '127.0.0.1', done));
    relay.port = (relay.server.address() as { port: number }).port;
    return relay;
  }

  private relay(client: Socket): void {
    const upstream = connect(this.target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => this.sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((done) => this.server.close(() => done()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

describe('health an orchestrator can use', () => {
  let t: TestApp | undefined;
  let relay: CuttableRelay | undefined;
  afterEach(async () => {
    await t?.close();
    if (relay?.port) await relay.cut().catch(() => undefined);
    t = undefined;
    relay = undefined;
  });

  it('stays live and ready with Redis away, reporting Redis as degraded', async () => {
    t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    await t.anonymous.get('/health/live').expect(200);
    const ready = await t.anonymous.get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up', degraded: true } },
    });
    await t.anonymous.get('/health').expect(503);
  });

  it('answers ready 503 once the database stops answering, while live stays 200', async () => {
    relay = await CuttableRelay.to(5432);
    const schema = `t_${Math.random().toString(16).slice(2, 10)}`;
    const admin = new (await import('pg')).default.Client({ connectionString: 'postgres://root@127.0.0.1:5432/test' });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      t = await startTestApp({
        database: 'postgres',
        env: { DATABASE_URL: `postgres://root@127.0.0.1:${relay.port}/test?options=-c%20search_path%3D${schema}` },
      });
      await t.anonymous.get('/health/ready').expect(200);
      await relay.cut();
      const ready = await t.anonymous.get('/health/ready').expect(503);
      expect(ready.body).toMatchObject({ error: { database: { status: 'down' } } });
      await t.anonymous.get('/health/live').expect(200);
    } finally {
      await t?.app.close().catch(() => undefined);
      t = undefined;
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });

  it('on SIGTERM answers ready 503 at once, and lets a request in flight finish before it closes', async () => {
    t = await startTestApp();
    const app = t.app;
    await app.listen(0, '127.0.0.1');
    const server = app.getHttpServer() as HttpServer;
    const { port } = server.address() as { port: number };
    const arrived = new Promise((done) => server.once('request', done));
    let inFlight: ClientRequest | undefined;
    // A registration whose body is still arriving when the signal comes: in flight.
    const body = Buffer.from(JSON.stringify(aJudgment()));
    const answered = new Promise<number>((done, fail) => {
      const sending = request(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/cases',
          headers: {
            authorization: `Bearer ${t!.token('secretary')}`,
            'content-type': 'application/json',
            'content-length': body.length,
          },
        },
        (answer) => {
          answer.resume();
          answer.on('end', () => done(answer.statusCode!));
        },
      );
      sending.on('error', fail);
      sending.write(body.subarray(0, 10));
      sending.flushHeaders();
      inFlight = sending;
    });
    await arrived;

    app.get(Readiness).startDraining();
    const ready = await t.anonymous.get('/health/ready').expect(503);
    expect(ready.body).toMatchObject({ error: { accepting: { status: 'down' } } });

    const closed = drainThenClose(app, 0);
    inFlight!.end(body.subarray(10));
    expect(await answered).toBe(201);
    await closed;
    await t.close().catch(() => undefined);
    t = undefined;
  });
});
