import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ensureWebBuilt } from './web-build.js';

const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The service serves the built web app at / beside its API, docs and tools, which keep their routes. */
describe('the web app served by the service', () => {
  let t: TestApp;

  beforeAll(async () => {
    await ensureWebBuilt();
    t = await startTestApp();
  });

  afterAll(() => t.close());

  it.each([
    '/',
    '/logga-in',
    '/registrera-dom',
    '/arenden/0b6c1a52-5d0e-4a43-9d4c-7a2f0e1b2c3d',
    '/umgangesstodjare',
    '/aviseringar',
  ])('answers a browser asking for %s with the app’s page in Swedish', async (path) => {
    const page = await t.anonymous.get(path).set(HTML).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="sv">');
    expect(page.text).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
  });

  it('lets the page load only the service’s own files: no other site, no inline script or style', async () => {
    const csp = (await t.anonymous.get('/').set(HTML).expect(200)).headers['content-security-policy'];
    const directives = Object.fromEntries(
      csp.split(';').map((directive: string) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self'",
      'font-src': "'self'",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
    });
    expect(csp).not.toMatch(/https:|unsafe-inline|unsafe-eval|data:|\*/);
  });

  it('serves the built files under /assets, kept by browsers since their names change with their content', async () => {
    const script = readdirSync('web/dist/assets').find((name) => name.endsWith('.js'))!;
    const answer = await t.anonymous.get(`/assets/${script}`).expect(200);
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await t.anonymous.get('/assets/missing.js').expect(404);
  });

  it('never shadows the API, the documentation or the tools, even for a browser asking for HTML', async () => {
    const cases = await t.anonymous.get('/cases').set(HTML).expect(401);
    expect(cases.headers['content-type']).toMatch(/^application\/json/);
    await t.anonymous.get('/health').set(HTML).expect(200).expect('content-type', /json/);
    const docs = await t.anonymous.get('/docs').set(HTML).expect(200);
    expect(docs.text).toContain('swagger');
    await t.anonymous.get('/statistics/page').set(HTML).expect(200);
    const inspector = await t.anonymous.get('/inspector').set(HTML).expect(200);
    expect(inspector.text).not.toContain('<div id="root">');
    await t.anonymous.get('/no-such-page').set(HTML).expect(404);
  });

  it('answers a client that asks for JSON at / as the API would, not with the page', async () => {
    await t.anonymous.get('/').set('Accept', 'application/json').expect(404);
  });
});
