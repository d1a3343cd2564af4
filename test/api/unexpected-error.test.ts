import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { aJudgment } from '../support/judgment-builder.js';
import { textWithoutIds } from '../support/personal-data-scan.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Its own file: nestjs-pino keeps one logger per process, made by the first app started in it.
describe('an unexpected error', () => {
  let t: TestApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestApp({ env: { LOG_LEVEL: 'error' }, logStream });
    t.clock.setNow('2026-11-20T10:00:00+01:00');
  });
  afterAll(() => t.close());

  it('is answered 500 with a request id that the log line for the route carries, without the body', async () => {
    const judgment = aJudgment();
    // A store that breaks under the service: the one kind of failure no input check can prevent.
    await t.app.get(DataSource).query('DROP TABLE case_parties');
    const res = await t.http.post('/cases').send(judgment).expect(500);

    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: `Något gick fel hos oss. Ange felnumret ${res.body.requestId} när du kontaktar supporten.`,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
    const logged = logLines.map((line) => JSON.parse(line) as { msg: string; route?: string; req?: { id: string } });
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'unexpected error',
        route: 'POST /cases',
        req: expect.objectContaining({ id: res.body.requestId }),
      }),
    );
    const everything = logLines.join('\n');
    for (const party of [judgment.residentParent, judgment.visitingParent, ...judgment.children]) {
      expect(everything).not.toContain(party.personnummer);
    }
    expect(textWithoutIds(logged)).not.toContain(judgment.courtCaseNumber);
  });
});
