import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
const COMMITTED_DOCUMENT = 'docs/openapi.json';
/** The contract tests' client types and the web app's (web/src/api/schema.d.ts): both generated from the document. */
// One generated client: the web app's, which the typed-client test uses too.
const COMMITTED_TYPES = ['web/src/api/schema.d.ts'];
const ARTIFACTS = 'test/artifacts';
const REGENERATE = `run \`npm run openapi\` and commit docs/openapi.json, ${COMMITTED_TYPES.join(' and ')}`;

/**
 * The document client teams generate their code from: the committed copy is the one the service
 * serves, it passes Redocly's recommended rules, and the committed client types are generated from it.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let served: string;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    served = (await t.anonymous.get('/docs-json').expect(200)).text;
    dir = mkdtempSync(join(tmpdir(), 'umgangesstod-openapi-'));
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is served exactly as committed in docs/openapi.json', () => {
    const committed: unknown = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8'));
    if (JSON.stringify(committed) !== JSON.stringify(JSON.parse(served))) {
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'openapi.served.json'), `${JSON.stringify(JSON.parse(served), null, 2)}\n`);
      throw new Error(
        `The served OpenAPI document (in ${ARTIFACTS}/openapi.served.json) differs from ${COMMITTED_DOCUMENT}: ${REGENERATE}`,
      );
    }
  });

  it('carries the package version, licence, contact, server and bearer scheme', () => {
    const document = JSON.parse(served);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(document.info).toMatchObject({ version, license: { name: 'MIT' }, contact: { name: expect.any(String) } });
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('tells the events apart by their type, so a client knows each one’s fields', () => {
    const body = JSON.parse(served).paths['/cases/{id}/events'].post.requestBody.content['application/json'].schema;
    expect(body.discriminator.propertyName).toBe('type');
    expect(body.discriminator.mapping.APPOINT_SUPPORTER).toBe('#/components/schemas/AppointSupporterDto');
    expect(body.oneOf).toHaveLength(Object.keys(body.discriminator.mapping).length);
  });

  it('gives every operation a summary, a tag, a success answer (a body, unless 204 or a redirect) and its refusals in the one error body', () => {
    const document = JSON.parse(served);
    const gaps: string[] = [];
    for (const [path, item] of Object.entries<
      Record<
        string,
        {
          summary?: string;
          tags?: string[];
          responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
        }
      >
    >(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!operation.summary) gaps.push(`${where}: no summary`);
        if (!operation.tags?.length) gaps.push(`${where}: no tag`);
        const statuses = Object.keys(operation.responses);
        // 204 has no body by definition; a form post's 303 and a sign-in's 302 send the browser on.
        const answered = (status: string) =>
          (status.startsWith('2') && operation.responses[status].content) || ['204', '302', '303'].includes(status);
        if (!statuses.some(answered)) gaps.push(`${where}: no success body`);
        for (const status of statuses.filter((s) => s.startsWith('4'))) {
          if (
            operation.responses[status].content?.['application/json']?.schema?.$ref !==
            '#/components/schemas/ApiErrorBody'
          ) {
            gaps.push(`${where}: ${status} without the error body`);
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const { stdout } = await run('node_modules/.bin/redocly', ['lint', COMMITTED_DOCUMENT, '--format=json'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    }).catch((failure: { stdout: string }) => failure);
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string }[];
    };
    expect({ totals: report.totals, problems: report.problems.map((p) => `${p.ruleId}: ${p.message}`) }).toEqual({
      totals: expect.objectContaining({ errors: 0, warnings: 0 }),
      problems: [],
    });
  }, 60_000);

  it('generates the committed client types (the contract tests’ and the web app’s)', async () => {
    const document = join(dir, 'openapi.json');
    const types = join(dir, 'api.d.ts');
    writeFileSync(document, served);
    await run('node_modules/.bin/openapi-typescript', [document, '--default-non-nullable', 'false', '-o', types]);
    const generated = readFileSync(types, 'utf8');
    const stale = COMMITTED_TYPES.filter((committed) => readFileSync(committed, 'utf8') !== generated);
    if (stale.length > 0) {
      throw new Error(
        `The client types generated from the served document differ from ${stale.join(', ')}: ${REGENERATE}`,
      );
    }
  }, 60_000);
});
