import fc from 'fast-check';
import { resolve, type FuzzOperation, type NamedSchema, type OpenApiDocument, type Schema } from './openapi-model.js';

/** Who a generated request claims to be; the test turns each into an Authorization header (or none). */
export const CALLERS = [
  'secretary',
  'supporter',
  'administrator',
  'developer',
  'none',
  'expired',
  'forged',
  'unsigned',
  'otherAudience',
  'unknownRole',
  'garbage',
] as const;
export type Caller = (typeof CALLERS)[number];

export type FuzzBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'form'; fields: [string, string][]; file?: { name: string; type: string; bytes: readonly number[] } };

export interface FuzzRequest {
  method: string;
  /** Path and query, already percent-encoded (malformed escapes included on purpose). */
  url: string;
  caller: Caller;
  headers: Record<string, string>;
  body?: FuzzBody;
}

/** What exists in the seeded service, so that some generated ids name real records. */
export interface FuzzWorld {
  document: OpenApiDocument;
  ids: string[];
  /** Valid test personnummer, so that some registrations and searches get through validation. */
  personnummer: string[];
}

const RESERVED_KEYS = ['constructor', '__proto__', 'prototype'] as const;

const INSTANTS = [
  '2026-11-20T10:00:00+01:00',
  '2026-11-24T13:00:00+01:00',
  '2026-12-05T10:00:00Z',
  '2027-06-01T08:00:00+02:00',
];
const DATES = ['2026-11-02', '2026-11-16', '2027-11-15', '2026-12-01'];

const AWKWARD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'null',
  'true',
  '0',
  '-1',
  '1e300',
  '-1e300',
  '1e+300',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  '0x1F',
  '1.5',
  "' OR '1'='1",
  '../../etc/passwd',
  '%',
  '%zz',
  '<script>alert(1)</script>',
  '{"a":1}',
  '2026-02-30',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  'T 1-26',
  '19121212-1212',
  '\r\n',
  'a'.repeat(121),
  'a'.repeat(1001),
  'ǅß\u0301e\u0308',
];
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', 'a\uD83Db', '\uDFFF\uD800'];
const BIDI_OVERRIDES = ['\u202Efdp.exe', '\u2066x\u2069', '\u200F\u200E', '\u061C\u202D', 'Maria\u202E'];

const hugeString = fc
  .tuple(fc.constantFrom(1_000, 20_000, 90_000, 200_000), fc.constantFrom('x', 'å', '😀', '\u202E', '\uD800'))
  .map(([length, unit]) => unit.repeat(length));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...AWKWARD_STRINGS, ...LONE_SURROGATES, ...BIDI_OVERRIDES),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }),
  hugeString,
);

const hostileNumber = fc.oneof(
  fc.constantFrom(1e300, -1e300, 2 ** 53 + 2, -0, 0.5, Number.MAX_VALUE, Number.MIN_VALUE, -1, 0, 1e21, 4294967296),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** `{"constructor":{"prototype":{}}}` and the like, as parsed JSON has them (own keys), nested a few levels down. */
const reservedKeyObject = fc
  .tuple(
    fc.constantFrom(...RESERVED_KEYS),
    fc.constantFrom(...RESERVED_KEYS, 'x'),
    fc.nat(3),
    fc.constantFrom('{}', '[]', '"x"', '1', 'null'),
  )
  .map(
    ([outer, inner, depth, leaf]) =>
      JSON.parse(`${'{"a":'.repeat(depth)}{"${outer}":{"${inner}":${leaf}}}${'}'.repeat(depth)}`) as unknown,
  );

const deepNesting = fc
  .tuple(fc.constantFrom(9, 50, 300), fc.boolean())
  .map(
    ([depth, arrays]) =>
      JSON.parse(
        arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      ) as unknown,
  );

export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom([], {}),
  fc.array(hostileString, { maxLength: 30 }),
  fc.constantFrom(100, 5_000).map((n) => Array.from({ length: n }, (_, i) => `x${i}`)),
  reservedKeyObject,
  deepNesting,
  fc.jsonValue({ maxDepth: 3 }),
);

/** Sets a key as JSON.parse would, as an own property: `__proto__` included. */
function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

type Mutation =
  | { kind: 'drop'; index: number }
  | { kind: 'replace'; index: number; value: unknown }
  | { kind: 'add'; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), index: fc.nat(), value: hostileJson }),
  fc.record({
    kind: fc.constant('add' as const),
    key: fc.oneof(fc.constantFrom(...RESERVED_KEYS, 'type', 'id', 'version', 'state'), fc.string({ maxLength: 12 })),
    value: hostileJson,
  }),
);

function mutate(value: unknown, change: Mutation): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (change.kind === 'add') return withKey(object, change.key, change.value);
  if (keys.length === 0) return value;
  const key = keys[change.index % keys.length];
  if (change.kind === 'replace') return withKey(object, key, change.value);
  const { [key]: _dropped, ...rest } = object;
  return rest;
}

const plausibleString = (ids: string[]) =>
  fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...INSTANTS, ...DATES), fc.constantFrom(...ids));

/** A value the schema describes (as far as the document tells; the service may still refuse it). */
export function validValue(world: FuzzWorld, schema: Schema, depth = 0, key = ''): fc.Arbitrary<unknown> {
  const s = resolve(world.document, schema);
  if (key === 'personnummer') return fc.oneof(fc.constantFrom(...world.personnummer), hostileString);
  const alternatives = s.oneOf ?? s.anyOf ?? s.allOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => validValue(world, alternative, depth)));
  if (s.enum) return fc.constantFrom(...s.enum);
  const examples = s.example === undefined ? [] : [fc.constant(s.example)];
  switch (s.type) {
    case 'object': {
      if (depth > 4) return fc.constant({});
      const model = Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([name, property]) => [
          name,
          validValue(world, property, depth + 1, name),
        ]),
      );
      return fc.record(model, { requiredKeys: s.required ?? [] });
    }
    case 'array':
      return fc.oneof(
        ...examples,
        fc.array(validValue(world, s.items ?? {}, depth + 1), { minLength: 1, maxLength: 3 }),
      );
    case 'string':
      if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...world.ids), fc.uuid());
      if (s.format === 'date-time') return fc.constantFrom(...INSTANTS);
      if (s.format === 'date') return fc.constantFrom(...DATES);
      return fc.oneof(...examples, plausibleString(world.ids));
    case 'integer':
    case 'number':
      return fc.oneof(...examples, fc.integer({ min: s.minimum ?? -10, max: s.maximum ?? 1_000 }));
    case 'boolean':
      return fc.boolean();
    default:
      return fc.oneof(...examples, hostileJson);
  }
}

const RAW_BODIES = [
  { contentType: 'application/json', text: '{' },
  { contentType: 'application/json', text: '{"type":' },
  { contentType: 'application/json', text: 'null' },
  { contentType: 'application/json', text: '"x"' },
  { contentType: 'application/json', text: '[]' },
  { contentType: 'application/json', text: '1e999' },
  { contentType: 'application/json', text: '' },
  { contentType: 'application/json', text: '{"a":1}{"b":2}' },
  { contentType: 'application/json', text: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}' },
  { contentType: 'application/json', text: '['.repeat(20_000) },
  { contentType: 'application/json', text: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}` },
  { contentType: 'application/json; charset=latin1', text: '{}' },
  { contentType: 'text/plain', text: '{"type":"INITIATE"}' },
  {
    contentType: 'application/x-www-form-urlencoded',
    text: 'a[b][c][d][e][f][g]=1&__proto__[x]=1&constructor[prototype][y]=2',
  },
  {
    contentType: 'application/x-www-form-urlencoded',
    text: 'children[0][name]=x&children[0][constructor][prototype]=1',
  },
  { contentType: 'application/x-www-form-urlencoded', text: `participants=${'x'.repeat(5_000)}&type=HOLD_FOLLOW_UP` },
  { contentType: 'application/xml', text: '<a/>' },
];

const FORM_KEYS = ['kind', 'title', 'date', 'author', 'recipients', 'status', 'corrects', 'file', ...RESERVED_KEYS];

/** Multipart forms: the document says only that the body is a form, so its fields come from a pool of names. */
const formBody: fc.Arbitrary<FuzzBody> = fc.record(
  {
    kind: fc.constant('form' as const),
    fields: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...FORM_KEYS), fc.string({ maxLength: 8 })),
        fc.oneof(plainFormValue(), hostileString),
      ),
      {
        maxLength: 8,
      },
    ),
    file: fc.record({
      name: fc.oneof(
        fc.constantFrom('scan.pdf', 'photo.jpg', '', '../x.pdf'),
        hostileString.map((s) => s.slice(0, 200)),
      ),
      type: fc.constantFrom('application/pdf', 'image/jpeg', 'text/plain', 'application/octet-stream'),
      bytes: fc.oneof(fc.constant([...Buffer.from('%PDF-1.4\n%%EOF\n')]), fc.array(fc.nat(255), { maxLength: 64 })),
    }),
  },
  { requiredKeys: ['kind', 'fields'] },
);

function plainFormValue(): fc.Arbitrary<string> {
  return fc.constantFrom('letter', 'Kallelse', '2026-11-24', 'Karin Lund', 'Maria', 'final', 'draft');
}

/**
 * A request either stays inside the schemas (`clean`: real ids, declared parameters with valid
 * values, a valid-shaped body, a signed-in user), so it reaches the use cases and the database,
 * or mixes in hostile parts anywhere.
 */
type Mode = 'clean' | 'hostile';

function bodyFor(world: FuzzWorld, operation: FuzzOperation, mode: Mode): fc.Arbitrary<FuzzBody | undefined> {
  if (!operation.body) return fc.constant(undefined);
  if (operation.body.mediaType === 'multipart/form-data') {
    if (mode === 'clean') return formBody;
    return fc.oneof(
      formBody,
      fc.constantFrom(...RAW_BODIES).map((b): FuzzBody => ({ kind: 'raw', ...b })),
    );
  }
  const json = (value: fc.Arbitrary<unknown>) => value.map((v): FuzzBody => ({ kind: 'json', value: v }));
  const valid = validValue(world, operation.body.schema);
  if (mode === 'clean') return json(valid);
  return fc.oneof(
    {
      weight: 5,
      arbitrary: json(
        fc
          .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
          .map(([v, changes]) => changes.reduce(mutate, v)),
      ),
    },
    { weight: 1, arbitrary: json(hostileJson) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((b): FuzzBody => ({ kind: 'raw', ...b })) },
  );
}

/** A string put into a URL as it is, or encoded; a lone surrogate becomes an escape that is not UTF-8. */
export function encodeSegment(value: string): string {
  return Array.from(value)
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}

const MALFORMED_SEGMENTS = [
  '%',
  '%zz',
  '%ED%A0%80',
  '%00',
  '0',
  '-1',
  '1e300',
  '99999999999999999999',
  '..',
  'a%2Fb',
  '00000000-0000-0000-0000-000000000000',
];

function pathValue(world: FuzzWorld, param: NamedSchema, mode: Mode): fc.Arbitrary<string> {
  const numeric = param.schema.type === 'number' || param.schema.type === 'integer';
  const real = numeric ? fc.integer({ min: 0, max: 2 }).map(String) : fc.constantFrom(...world.ids);
  if (mode === 'clean') return real;
  return fc.oneof(
    { weight: 2, arbitrary: real },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_SEGMENTS) },
    { weight: 1, arbitrary: hostileString.map((s) => encodeSegment(s.slice(0, 2_000))) },
  );
}

function queryValue(world: FuzzWorld, param: NamedSchema, mode: Mode): fc.Arbitrary<string> {
  const valid = validValue(world, param.schema).map((v) =>
    encodeSegment(typeof v === 'string' ? v : JSON.stringify(v)),
  );
  if (mode === 'clean') return valid;
  return fc.oneof(
    { weight: 1, arbitrary: valid },
    { weight: 2, arbitrary: hostileString.map((s) => encodeSegment(s.slice(0, 5_000))) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_SEGMENTS) },
  );
}

function queryFor(world: FuzzWorld, operation: FuzzOperation, mode: Mode): fc.Arbitrary<string> {
  const declared = fc.tuple(
    ...operation.queryParams.map((param) =>
      fc.option(
        fc
          .array(queryValue(world, param, mode), { minLength: 1, maxLength: mode === 'clean' ? 1 : 2 })
          .map((values) => values.map((v) => `${param.name}=${v}`)),
        { nil: undefined },
      ),
    ),
  );
  const extra =
    mode === 'clean'
      ? fc.constant([])
      : fc.array(
          fc
            .tuple(
              fc.oneof(
                fc.constantFrom(...RESERVED_KEYS, 'a[b]', 'constructor[prototype]'),
                fc.string({ maxLength: 8 }),
              ),
              hostileString,
            )
            .map(([key, value]) => `${encodeSegment(key)}=${encodeSegment(value.slice(0, 200))}`),
          { maxLength: 2 },
        );
  return fc.tuple(declared, extra).map(([pairs, extras]) => {
    const all = [...pairs.flatMap((p) => p ?? []), ...extras];
    return all.length ? `?${all.join('&')}` : '';
  });
}

/** Mostly callers who get past the guard (a secretary may do most), so requests reach validation and the database. */
const signedIn: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('secretary' as const) },
  { weight: 1, arbitrary: fc.constantFrom('supporter' as const, 'administrator' as const) },
);

const ifMatch = fc.oneof(
  fc.nat(40).map((n) => `"${n}"`),
  fc.constantFrom('"1e300"', '*', 'W/"1"', '"-1"', '"99999999999999999999"', 'garbage', '""'),
);

function requestIn(world: FuzzWorld, operation: FuzzOperation, mode: Mode): fc.Arbitrary<FuzzRequest> {
  const path = fc
    .tuple(...operation.pathParams.map((param) => pathValue(world, param, mode)))
    .map((values) =>
      operation.pathParams.reduce((p, param, i) => p.replace(`{${param.name}}`, values[i]), operation.path),
    );
  const sendsIfMatch = mode === 'hostile' && operation.headerParams.some((h) => h.name.toLowerCase() === 'if-match');
  return fc.record({
    method: fc.constant(operation.method),
    url: fc.tuple(path, queryFor(world, operation, mode)).map(([p, q]) => p + q),
    caller: mode === 'clean' ? signedIn : fc.oneof(signedIn, fc.constantFrom(...CALLERS)),
    headers: sendsIfMatch
      ? fc.option(ifMatch, { nil: undefined }).map((v): Record<string, string> => (v ? { 'if-match': v } : {}))
      : fc.constant({}),
    body: bodyFor(world, operation, mode),
  });
}

/** Requests for one operation: its path, query, headers and body drawn from its schemas and from hostile input. */
export function requestsFor(world: FuzzWorld, operation: FuzzOperation): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    requestIn(world, operation, 'clean'),
    requestIn(world, operation, 'hostile'),
    requestIn(world, operation, 'hostile'),
  );
}
