/** The part of an OpenAPI 3 document the fuzzer reads: operations, their parameters and bodies. */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface NamedSchema {
  name: string;
  schema: Schema;
}

export interface FuzzOperation {
  method: string;
  /** The path as the document writes it: `/cases/{id}/events`. */
  path: string;
  pathParams: NamedSchema[];
  queryParams: NamedSchema[];
  headerParams: NamedSchema[];
  body?: { mediaType: string; schema: Schema };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation the document lists, with its `$ref`s left for `resolve` to follow. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => {
        const params = (where: Parameter['in']) =>
          (operation.parameters ?? [])
            .filter((p) => p.in === where)
            .map((p) => ({ name: p.name, schema: p.schema ?? {} }));
        const [mediaType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
        return {
          method: method.toUpperCase(),
          path,
          pathParams: params('path'),
          queryParams: params('query'),
          headerParams: params('header'),
          ...(mediaType && content ? { body: { mediaType, schema: content.schema } } : {}),
        };
      }),
  );
}

/** The schema a `$ref` points to (`#/components/schemas/X`), or the schema itself. */
export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components?.schemas?.[name];
  if (!target) throw new Error(`the document refers to ${schema.$ref}, which it does not define`);
  return resolve(document, target);
}
