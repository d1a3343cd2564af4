import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Test } from 'supertest';
import { keepReadWords } from './read-words.js';

// ajv-formats is CommonJS: to TypeScript's nodenext its default import is the module, whose `default` is the plugin.
const addFormats = formats.default;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  pointer: string;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

/**
 * OpenAPI 3.0 schemas as JSON Schema for ajv, read strictly: `nullable` becomes "or null", and
 * an object schema that lists its properties allows no others, so a field the service sends but
 * the document does not name fails as surely as a named one the service leaves out.
 */
function strictJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(strictJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const copy: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node))
    copy[key] = key === 'example' || key === 'examples' ? value : strictJsonSchema(value);
  if (
    copy.properties &&
    typeof copy.properties === 'object' &&
    !Array.isArray(copy.properties) &&
    copy.additionalProperties === undefined
  ) {
    copy.additionalProperties = false;
  }
  if (copy.nullable === true) {
    delete copy.nullable;
    return { anyOf: [{ type: 'null' }, copy] };
  }
  return copy;
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every answer the tests receive, held to the operation's answer in the served OpenAPI document. */
export class ApiContract {
  private static last: { json: string; contract: ApiContract } | undefined;

  /** The contract of `document`, its validators compiled once for all the apps a test file starts that serve it. */
  static of(document: OpenAPIObject): ApiContract {
    const json = JSON.stringify(document);
    if (ApiContract.last?.json !== json) ApiContract.last = { json, contract: new ApiContract(document) };
    return ApiContract.last.contract;
  }

  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(strictJsonSchema(document as unknown as Json) as object, 'api');
    for (const [template, item] of Object.entries(document.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        const operation = item[method];
        if (!operation) continue;
        const params = (template.match(/\{[^}]+\}/g) ?? []).length;
        const pattern = new RegExp(
          `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
        );
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern,
          params,
          pointer: `api#/paths/${escapePointer(template)}/${method}/responses`,
          responses: operation.responses as Operation['responses'],
        });
      }
    }
    // A literal segment wins over a parameter: /cases/search before /cases/{id}.
    this.operations.sort((a, b) => a.params - b.params);
  }

  /** What is wrong with an answer, in words; undefined when it keeps the contract or is no part of it (the docs, the inspector page). */
  problemWith(
    method: string,
    url: string,
    status: number,
    contentType: string | undefined,
    body: unknown,
  ): string | undefined {
    const path = new URL(url, 'http://service').pathname;
    const operation = this.operations.find((op) => op.method === method && op.pattern.test(path));
    if (!operation) return undefined;
    const where = `${method} ${operation.template}`;
    const answer = operation.responses[String(status)] ?? operation.responses.default;
    if (!answer)
      return `${where} answered ${status}, which its OpenAPI operation does not list (it lists ${Object.keys(operation.responses).join(', ')})`;
    if (!answer.content) return undefined;
    const mediaType = contentType?.split(';')[0].trim() ?? '';
    if (!Object.hasOwn(answer.content, mediaType)) {
      return `${where} answered ${status} as ${mediaType || 'no content type'}, the document says ${Object.keys(answer.content).join(' or ')}`;
    }
    if (mediaType !== 'application/json') return undefined;
    const validate = this.validator(
      `${operation.pointer}/${status in operation.responses ? status : 'default'}/content/${escapePointer(mediaType)}/schema`,
    );
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? [])
      .map(
        (error) =>
          `body${error.instancePath} ${error.message}${'additionalProperty' in error.params ? `: ${error.params.additionalProperty}` : ''}`,
      )
      .join('\n  ');
    return `${where} answered ${status} with a body its OpenAPI schema refuses:\n  ${errors}\nbody: ${JSON.stringify(body).slice(0, 2000)}`;
  }

  /**
   * For a supertest request: once the test's own expectations are in, the answer is also checked
   * against the document, and the request fails with what is wrong.
   */
  readonly check = (request: Test): void => {
    const end = request.end.bind(request);
    request.end = (callback) => {
      request.expect((res) => {
        const problem = this.problemWith(
          request.method,
          request.url,
          res.status,
          res.headers['content-type'],
          res.body,
        );
        if (problem) throw new Error(`The answer breaks the API contract: ${problem}`);
        keepReadWords(request, res);
      });
      return end(callback);
    };
  };

  private validator(ref: string): ValidateFunction {
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    return validate;
  }
}
