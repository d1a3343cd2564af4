import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEADLINE_QUEUE } from '../../src/deadlines/deadline-jobs.js';
import { registerCase } from '../support/case-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the queue dashboard at /admin/queues', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows an administrator bull-board over the deadline queue, read-only, with the jobs a new case adds', async () => {
    await registerCase(t);
    const page = await t.as('administrator').get('/admin/queues').expect(200);
    expect(page.text).toMatch(/<base href="\/admin\/queues\/?"/);
    // Nothing from outside the service: no fonts from Google, no script from a CDN.
    expect(page.text).not.toMatch(/(?:href|src)="(?:https?:)?\/\//);
    const asset = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)![1];
    await t
      .as('administrator')
      .get(`/admin/queues/${asset}`)
      .expect(200)
      .expect('content-type', /javascript/);

    const { body } = await t
      .as('administrator')
      .get('/admin/queues/api/queues?activeQueue=deadlines&status=delayed')
      .expect(200);
    const queue = body.queues.find((q: { name: string }) => q.name === DEADLINE_QUEUE);
    expect(queue).toMatchObject({ readOnlyMode: true });
    expect(queue.counts.delayed).toBeGreaterThan(0);

    const metrics = (await t.as('administrator').get('/metrics').expect(200)).text;
    expect(metrics).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/admin\/queues",status="200"\} [1-9]/m,
    );
    expect(metrics).not.toMatch(/route="\/admin\/queues\/(static|api)/);
  });

  it('refuses every other role and callers without a token, the page and its API alike', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      await t.anonymous.get(path).expect(401);
      for (const role of ['secretary', 'supporter', 'developer'] as const) await t.as(role).get(path).expect(403);
    }
  });

  it("lets a browser sign in with an administrator's token into a cookie sent only to the dashboard", async () => {
    await t.anonymous
      .get('/admin/sign-in')
      .expect(200)
      .expect('content-type', /text\/html/);
    await t.anonymous
      .post('/admin/sign-in')
      .type('form')
      .send({ token: t.token('secretary') })
      .expect(401);
    const signedIn = await t.anonymous
      .post('/admin/sign-in')
      .type('form')
      .send({ token: t.token('administrator') })
      .expect(303);
    expect(signedIn.headers.location).toBe('/admin/queues/');
    const cookie = signedIn.headers['set-cookie'] as unknown as string[];
    expect(cookie[0]).toMatch(
      /^queue-dashboard-token=[^;]+; Max-Age=\d+; Path=\/admin\/queues; Expires=[^;]+; HttpOnly; SameSite=Strict$/,
    );
    const pair = cookie[0].split(';')[0];

    await t.anonymous.get('/admin/queues/api/queues').set('Cookie', pair).expect(200);
    // The cookie opens the dashboard and nothing else.
    await t.anonymous.get('/audit').set('Cookie', pair).expect(401);
    await t.anonymous
      .get('/admin/queues/api/queues')
      .set('Cookie', `queue-dashboard-token=${t.token('secretary')}`)
      .expect(403);
  });
});

describe('the queue dashboard behind a proxy that ends TLS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_BASE_URL: 'https://familjeratt.example.se' } });
  });
  afterAll(() => t.close());

  it('sets its cookie Secure although the request reached the service over plain HTTP', async () => {
    const signedIn = await t.anonymous
      .post('/admin/sign-in')
      .type('form')
      .send({ token: t.token('administrator') })
      .expect(303);
    expect((signedIn.headers['set-cookie'] as unknown as string[])[0]).toMatch(/; Secure;/);
  });
});
