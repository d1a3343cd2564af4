import { afterEach, describe, expect, it } from '@jest/globals';
import { MetricsServer } from '../../src/metrics/metrics-server.service.js';
import { registerCase, registerSupporter, send, stepsTo } from '../support/case-steps.js';
import { type TestApp } from '../support/test-app.js';
import { DeadlineRig } from '../deadlines/deadline-support.js';
import { eventually } from '../support/eventually.js';

/** The value of one sample in Prometheus's text format, 0 when the series is absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function scrape(t: TestApp): Promise<string> {
  const res = await t.as('administrator').get('/metrics').expect(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return res.text;
}

describe.each(['sqlite'] as const)('metrics for Prometheus (%s)', (database) => {
  let rig: DeadlineRig | undefined;
  afterEach(async () => {
    await rig?.dispose();
    rig = undefined;
  });

  it('shows an administrator requests, events, deadlines acted on and their lag, open alerts, queue depth and audit appends moving', async () => {
    rig = await DeadlineRig.create(database, { REMINDER_SUPPORTER_NOT_APPOINTED_DAYS: '10' });
    const t = await rig.startService();
    rig.clock.setNow('2026-11-20T09:00:00+01:00');
    const before = await scrape(t);

    await t.anonymous.get('/metrics').expect(401);
    await t.as('secretary').get('/metrics').expect(403);
    await registerSupporter(t);
    const caseId = await registerCase(t);
    await send(t, caseId, stepsTo('initiated', 'none')[0]);
    await send(t, caseId, { type: 'START_VISITS', documentCopiesSentAt: '2026-11-25T09:00:00+01:00' }, 409);
    const waiting = await scrape(t);
    expect(sample(waiting, 'deadlines_pending{due="false"}')).toBeGreaterThan(0);
    expect(sample(waiting, 'deadline_queue_jobs{state="delayed"}')).toBeGreaterThan(0);

    const { body: registered } = await t.http.get(`/cases/${caseId}`).expect(200);
    const reminder = registered.deadlines.find((d: { kind: string }) => d.kind === 'supporterNotAppointed');
    rig.clock.setNow(new Date(Date.parse(reminder.dueAt) + 2000));
    const after = await eventually(async () => {
      const text = await scrape(t);
      expect(sample(text, 'alerts_open{kind="supporterNotAppointed"}')).toBe(1);
      expect(sample(text, 'deadline_deliveries_total{outcome="fired"}')).toBe(1);
      return text;
    });

    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('case_events_total{type="REGISTER",outcome="applied"}')).toBe(1);
    expect(moved('case_events_total{type="INITIATE",outcome="applied"}')).toBe(1);
    expect(moved('case_events_total{type="START_VISITS",outcome="notAllowed"}')).toBe(1);
    expect(moved('http_request_duration_seconds_count{method="POST",route="/cases/:id/events",status="409"}')).toBe(1);
    expect(moved('http_request_duration_seconds_count{method="POST",route="/cases",status="201"}')).toBe(1);
    // The secretary's 403 is audited; the anonymous 401 is only counted (issue 15), not appended.
    expect(moved('audit_appends_total{allowed="false"}')).toBe(1);
    expect(moved('audit_appends_total{allowed="true"}')).toBeGreaterThanOrEqual(4);
    // Acted on once the clock stood two seconds past the due time: at least that late by the service's clock.
    expect(moved('deadline_lag_seconds_count')).toBe(1);
    expect(moved('deadline_lag_seconds_bucket{le="1"}')).toBe(0);
    expect(moved('deadline_lag_seconds_sum')).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'deadlines_failed')).toBe(0);
    expect(after).not.toMatch(new RegExp(caseId));
  });

  it('counts the mail outbox and the case files waiting for disposal, for the operator to alert on', async () => {
    rig = await DeadlineRig.create(database);
    const t = await rig.startService();
    const text = await scrape(t);
    expect(text).toMatch(/^mail_outbox\{status="pending"\} \d+$/m);
    expect(text).toMatch(/^mail_outbox\{status="failed"\} 0$/m);
    expect(text).toMatch(/^disposals_due 0$/m);
  });

  it('serves the same figures without a token on METRICS_PORT, for a worker process too', async () => {
    rig = await DeadlineRig.create(database);
    const worker = await rig.startWorker({ runWorker: true, metrics: { port: 0, host: '127.0.0.1' } });
    const port = worker.get(MetricsServer).port;
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^# HELP deadline_lag_seconds /m);
    expect(text).toMatch(/^deadlines_pending\{due="false"\} 0$/m);
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
  });
});
