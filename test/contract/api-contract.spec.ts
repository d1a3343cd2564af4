import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiContract } from '../support/api-contract.js';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });

/** A small document in the shape the service serves, for the check every API test runs. */
const DOCUMENT = {
  openapi: '3.0.0',
  info: { title: 'contract check', version: '1' },
  paths: {
    '/cases/search': { post: { responses: { '200': json({ $ref: '#/components/schemas/Case' }) } } },
    '/cases/{id}': {
      get: {
        responses: {
          '200': json({ $ref: '#/components/schemas/Case' }),
          '404': json({ type: 'object', properties: { statusCode: { type: 'number' } } }),
        },
      },
    },
    '/cases/{id}/export': {
      get: { responses: { '200': { description: 'csv', content: { 'text/csv': { schema: { type: 'string' } } } } } },
    },
  },
  components: {
    schemas: {
      Case: {
        type: 'object',
        required: ['id', 'retention'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          retention: { nullable: true, allOf: [{ $ref: '#/components/schemas/Retention' }] },
        },
      },
      Retention: {
        type: 'object',
        required: ['disposalDate'],
        properties: { disposalDate: { type: 'string', format: 'date' } },
      },
    },
  },
} as unknown as OpenAPIObject;

const ID = '6f1c1f0e-4d6b-4b7e-9b52-3c3e2f1d0a11';

describe('the API contract check of the test harness', () => {
  const contract = new ApiContract(DOCUMENT);
  const answer = (body: unknown, status = 200, url = `/cases/${ID}`) =>
    contract.problemWith('GET', url, status, 'application/json; charset=utf-8', body);

  it('accepts an answer the document describes, null where it says nullable', () => {
    expect(answer({ id: ID, retention: null })).toBeUndefined();
    expect(answer({ id: ID, retention: { disposalDate: '2031-11-20' } })).toBeUndefined();
  });

  it('refuses a field the document does not name, naming it', () => {
    expect(answer({ id: ID, retention: null, personnummer: 'x' })).toMatch(
      /GET \/cases\/\{id\} answered 200 .*must NOT have additional properties: personnummer/s,
    );
  });

  it('refuses a missing or mistyped field', () => {
    expect(answer({ id: ID })).toMatch(/must have required property 'retention'/);
    expect(answer({ id: 'not-a-uuid', retention: null })).toMatch(/body\/id must match format "uuid"/);
    expect(answer({ id: ID, retention: { disposalDate: 20311120 } })).toMatch(/disposalDate must be string/);
  });

  it('refuses a status or content type the operation does not list', () => {
    expect(answer({ statusCode: 500 }, 500)).toMatch(
      /answered 500, which its OpenAPI operation does not list \(it lists 200, 404\)/,
    );
    expect(contract.problemWith('GET', `/cases/${ID}/export`, 200, 'application/json', {})).toMatch(
      /as application\/json, the document says text\/csv/,
    );
  });

  it('prefers a literal path segment to a parameter, and leaves routes outside the document alone', () => {
    expect(
      contract.problemWith('POST', '/cases/search', 200, 'application/json', { id: ID, retention: null }),
    ).toBeUndefined();
    expect(contract.problemWith('GET', '/docs', 200, 'text/html', '<html>')).toBeUndefined();
  });
});
