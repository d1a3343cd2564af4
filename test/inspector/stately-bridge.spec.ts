import { createServer, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerCase } from '../support/case-steps.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DAY } from '../support/test-clock.js';

/** The `ws` client that @statelyai/inspect itself uses (no types are installed for it). */
interface WsClient {
  on(event: 'message', listener: (data: Buffer) => void): void;
  once(event: 'open' | 'close', listener: () => void): void;
  close(): void;
}
const WebSocket = createRequire(import.meta.url)('ws') as new (url: string) => WsClient;

async function sparePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * With INSPECT_STATELY=true the events also go to Stately's hosted inspector, through a local
 * bridge page. The hosted page itself needs internet; the bridge is checked here as the hosted
 * page sees it: a WebSocket client of the bridge.
 */
describe('the Stately inspector bridge (INSPECT_STATELY=true)', () => {
  let t: TestApp;
  let port: number;
  let receiver: WsClient;
  const received: string[] = [];

  beforeAll(async () => {
    port = await sparePort();
    t = await startTestApp({ env: { INSPECT_STATELY: 'true', INSPECT_STATELY_PORT: String(port) } });
    t.clock.setNow(TEST_DAY);
    receiver = new WebSocket(`ws://localhost:${port}`);
    receiver.on('message', (data) => received.push(data.toString()));
    await new Promise<void>((resolve) => receiver.once('open', resolve));
  });

  afterAll(async () => {
    const closed = new Promise<void>((resolve) => receiver.once('close', resolve));
    receiver.close();
    await closed;
    await t.close();
  });

  it('relays the inspection events of a case, as one actor per case, without its context or payloads', async () => {
    const caseId = await registerCase(t);
    await t.http.post(`/cases/${caseId}/events`).send({ type: 'INITIATE', diaryNumber: 'SN 2026/0042' }).expect(200);
    const events = () =>
      received.map(
        (text) =>
          JSON.parse(text) as {
            type: string;
            sessionId: string;
            event?: { type: string };
            snapshot?: { context?: object; value?: unknown };
          },
      );
    await eventually(() => {
      if (!events().some((e) => e.type === '@xstate.snapshot' && e.event?.type === 'INITIATE'))
        throw new Error(`the bridge relayed: ${received.join('\n')}`);
    }, 5000);
    const ofCase = events().filter((e) => e.sessionId === caseId);
    expect(ofCase.map((e) => e.type)).toEqual(
      expect.arrayContaining(['@xstate.actor', '@xstate.event', '@xstate.snapshot']),
    );
    expect(ofCase.find((e) => e.event?.type === 'INITIATE' && e.type === '@xstate.snapshot')?.snapshot).toMatchObject({
      value: 'initiated',
      context: {},
    });
    expect(received.join('\n')).not.toContain('SN 2026/0042');
    expect(received.join('\n')).not.toContain('tingsrätt');
  });
});
