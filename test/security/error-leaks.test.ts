import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { PersonnummerProtector } from '../../src/personal-data/personnummer-protector.service.js';
import { aJudgment } from '../support/judgment-builder.js';
import { LogCapture } from '../support/log-capture.js';
import { aChildPersonnummer, aParentPersonnummer, shortForm, withWrongCheckDigit } from '../support/test-people.js';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

/** A name no other text in the answer or the logs would hold by chance. */
const CHILD_NAME = 'Alvaleakcheck';

/** Everything that would give a party away: the number in each form, their name, its ciphertext and lookup hash. */
function tracesOf(t: TestApp, personnummer: string): string[] {
  const protector = t.app.get(PersonnummerProtector);
  return [
    personnummer,
    personnummer.slice(2),
    shortForm(personnummer),
    CHILD_NAME,
    protector.lookupHash(personnummer),
    '"parameters"',
    '"driverError"',
    '"query"',
  ];
}

function expectNoTrace(texts: string[], traces: string[]): void {
  const found = traces.flatMap((trace) =>
    texts.filter((text) => text.includes(trace)).map((text) => `${trace} in ${text.slice(0, 300)}`),
  );
  expect(found).toEqual([]);
}

/**
 * One for the whole file: nestjs-pino keeps the first app's logger for the process, so the later
 * apps of this file write here too.
 */
const logs = new LogCapture();

describe.each(DATABASES)('a personnummer through every failure path (%s)', (database) => {
  let t: TestApp;
  let queueDown: TestApp;
  const answers: string[] = [];
  const child = aChildPersonnummer();
  const judgment = () =>
    aJudgment({
      children: [{ name: CHILD_NAME, personnummer: child }],
      visitingParent: { name: 'Johan', personnummer: aParentPersonnummer() },
    });

  beforeAll(async () => {
    logs.lines.splice(0);
    t = await startTestApp({ database, logStream: logs, env: { LOG_LEVEL: 'debug' } });
    // Nothing listens on port 1: every hand-over to the queue fails.
    queueDown = await startTestApp({
      database,
      logStream: logs,
      env: { LOG_LEVEL: 'debug', REDIS_URL: 'redis://127.0.0.1:1' },
    });
  });
  afterAll(async () => {
    await queueDown.close();
    await t.close();
  });

  it('answers a body that is not JSON with a fixed message, not the body', async () => {
    const res = await t.http
      .post('/cases/search')
      .set('content-type', 'application/json')
      .send(`{"personnummer":"${shortForm(child)}","a":}`)
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Förfrågan kunde inte läsas: den är inte giltig JSON.',
    });
    answers.push(res.text);
  });

  it('refuses a wrong personnummer without repeating it', async () => {
    const res = await t.http
      .post('/cases')
      .send({ ...judgment(), children: [{ name: CHILD_NAME, personnummer: withWrongCheckDigit(child) }] })
      .expect(400);
    answers.push(res.text);
    expect(res.text).not.toContain(withWrongCheckDigit(child).slice(2, 10));
  });

  it('logs a failed database write without the rows it tried to write', async () => {
    const dataSource = t.app.get(DataSource);
    if (database === 'postgres') {
      await dataSource.query(
        `CREATE FUNCTION parties_refused() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'parties unavailable'; END $$`,
      );
      await dataSource.query(
        'CREATE TRIGGER parties_refused BEFORE INSERT ON case_parties FOR EACH ROW EXECUTE FUNCTION parties_refused()',
      );
    } else {
      await dataSource.query(
        `CREATE TRIGGER parties_refused BEFORE INSERT ON case_parties BEGIN SELECT RAISE(ABORT, 'parties unavailable'); END`,
      );
    }
    const res = await t.http.post('/cases').send(judgment()).expect(500);
    answers.push(res.text);
    await logs.lineMatching(/parties unavailable/);
    await dataSource.query(
      database === 'postgres' ? 'DROP TRIGGER parties_refused ON case_parties' : 'DROP TRIGGER parties_refused',
    );
    if (database === 'postgres') await dataSource.query('DROP FUNCTION parties_refused()');
  });

  it('logs a failed hand-over to the queue without the case it came from', async () => {
    const res = await queueDown.http.post('/cases').send(judgment()).expect(201);
    await queueDown.http.post(`/cases/${res.body.id}/events`).send({ type: 'INITIATE' }).expect(200);
    await logs.lineMatching(/not handed to the queue/);
  });

  it('leaves no trace of the personnummer or its party in any answer or log line', () => {
    expect(logs.lines.length).toBeGreaterThan(5);
    expectNoTrace([...answers, ...logs.lines], tracesOf(t, child));
  });
});
