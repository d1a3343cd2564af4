import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LogCapture } from '../support/log-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('a request followed across the proxy and the service by its id', () => {
  const logs = new LogCapture();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'info' }, logStream: logs });
  });
  afterAll(() => t.close());

  it("answers and logs under the caller's X-Request-Id", async () => {
    const answer = await t.anonymous.get('/health/live').set('X-Request-Id', 'lb-7f3a.42').expect(200);
    expect(answer.headers['x-request-id']).toBe('lb-7f3a.42');
    await logs.lineMatching(/"id":"lb-7f3a\.42"/);
  });

  it('takes the trace id of a W3C traceparent when no request id came', async () => {
    const answer = await t.anonymous
      .get('/health/live')
      .set('traceparent', `00-${TRACE_ID}-00f067aa0ba902b7-01`)
      .expect(200);
    expect(answer.headers['x-request-id']).toBe(TRACE_ID);
    await logs.lineMatching(new RegExp(`"id":"${TRACE_ID}"`));
  });

  it('makes its own id when the one sent could forge a log line or is too long', async () => {
    for (const sent of ['a"b\\nforged', 'x'.repeat(200)]) {
      const answer = await t.anonymous.get('/health/live').set('X-Request-Id', sent).expect(200);
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
