import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aParentPersonnummer } from '../support/test-people.js';
import { LogCapture } from '../support/log-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('request logs name routes, not URLs', () => {
  const logs = new LogCapture();
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'trace' }, logStream: logs });
  });
  afterAll(() => t.close());

  it('keeps a calendar feed token and a personnummer typed into a path out of every log line, at every level', async () => {
    const personnummer = aParentPersonnummer();
    const issued = await t.http.post('/staff/me/calendar-token').expect(201);
    const feedPath = new URL(issued.body.url as string).pathname;
    const token = feedPath
      .split('/')
      .at(-1)!
      .replace(/\.ics$/, '');
    await t.anonymous.get(feedPath).expect(200);
    await t.anonymous.get(`/nope/${personnummer}`).expect(404);
    await t.http.get(`/cases/${personnummer}`).expect(404);
    await logs.lineMatching(/"route":"\/cases\/:id"/);

    const text = logs.lines.join('\n');
    for (const secret of [
      token,
      personnummer,
      personnummer.slice(2),
      `${personnummer.slice(2, 8)}-${personnummer.slice(8)}`,
    ])
      expect(text).not.toContain(secret);
    expect(text).toMatch(/"route":"\/calendar\/feeds\/:file"/);
    expect(text).toContain(`"route":"(unmatched)","pathLength":${`/nope/${personnummer}`.length}`);
  });
});
