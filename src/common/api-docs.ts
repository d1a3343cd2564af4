import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  DECORATORS,
  getSchemaPath,
  type ResponseObject,
} from '@nestjs/swagger';

/**
 * The one shape of every refusal, whether a domain error (DomainErrorFilter) or one of Nest's
 * HTTP exceptions (guards, pipes, uploads): what the OpenAPI document promises for each 4xx.
 */
export class ApiErrorBody {
  @ApiProperty({ example: 409, description: 'The HTTP status, repeated' })
  statusCode!: number;

  @ApiProperty({
    example: 'EventNotAllowed',
    description:
      'What kind of refusal: InvalidInput, NotFound, EventNotAllowed, StaleVersion, CaseArchived, BusinessRule, ' +
      'or the HTTP reason for refusals made before the request reaches the domain (Bad Request, Unauthorized, Forbidden, Payload Too Large, Too Many Requests) and for Internal Server Error',
  })
  error!: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'APPOINT_SUPPORTER is not allowed while the case is in received',
    description: 'What is wrong, in words; for malformed input every broken field and rule, one per entry',
  })
  message!: string | string[];

  @ApiPropertyOptional({ example: 'received', description: '409: the state the case is in' })
  state?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['INITIATE'],
    description: '409 (EventNotAllowed): the events the case takes in that state',
  })
  allowedEvents?: string[];

  @ApiPropertyOptional({
    example: 4,
    description: '409 (StaleVersion): the case’s version now; fetch it again and decide anew',
  })
  currentVersion?: number;

  @ApiPropertyOptional({
    example: 'supporterAppointable',
    description: '422, and 409 for a duplicate case: the business rule that refused the request',
  })
  rule?: string;

  @ApiPropertyOptional({
    example: 'supporterId',
    description: '422, and 409 for a duplicate case: the field the rule concerns, where there is one',
  })
  field?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      '409 (oneOpenCasePerCourtCase): the open case for the same court case; send its id as confirmDuplicateOf to register another',
  })
  existingCaseId?: string;

  @ApiPropertyOptional({
    example: 'req-7',
    description: '500: the request’s id, which the service’s log line for it carries',
  })
  requestId?: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429 | 500 | 503;

const DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Malformed input: `message` lists every broken field and rule',
  401: 'No valid bearer token or browser session',
  403: 'The role may not do this, or a change made with the session cookie came without its `X-CSRF-Token`',
  404: 'Not found; a supporter also gets this for a case that is not their assignment',
  409: 'Refused in the case’s current state: an event the state does not take (`state`, `allowedEvents`), a stale `If-Match` (`currentVersion`), a write to an archived case (`state: archived`), or a second open case for the same court case (`existingCaseId`)',
  413: 'The body is larger than BODY_LIMIT (an upload: UPLOAD_MAX_BYTES)',
  422: 'A business rule refused it: `rule` names the rule and `field`, where it applies, the field',
  423: 'The account is locked for a while after too many wrong passwords: try again after `Retry-After` seconds',
  429: 'Too many calls from this address: try again after `Retry-After` seconds',
  500: 'Something went wrong on the service’s side: quote `requestId` when you report it',
  503: 'The audit trail cannot be written (its end is behind the head exported outside the database): nothing is read or changed until an operator acts',
};

const HEADERS: Partial<
  Record<ErrorStatus, Record<string, { description: string; schema: { type: 'string' | 'integer' } }>>
> = {
  401: { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } } },
  423: { 'Retry-After': { description: 'Seconds until the account opens again', schema: { type: 'integer' } } },
  429: { 'Retry-After': { description: 'Seconds until the window allows calls again', schema: { type: 'integer' } } },
};

/** @nestjs/swagger's metadata keys, read here so two decorators can add to one operation in any order. */
/** The response object of a refusal, for decorators and for the document's own additions. */
export function errorResponse(status: ErrorStatus): ResponseObject {
  return {
    description: DESCRIPTIONS[status],
    ...(HEADERS[status] ? { headers: HEADERS[status] } : {}),
    content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorBody) } } },
  };
}

/** Read here so that two decorators can add to one operation in any order. */
const RESPONSES_KEY = DECORATORS.API_RESPONSE;
const OPERATION_KEY = DECORATORS.API_OPERATION;

type OperationPatch = { summary?: string; description?: string; security?: [] };

/** Adds to the operation object of a handler, or of every handler of a controller. */
function mergeOperation(patch: OperationPatch): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const prototype = (target as { prototype?: Record<string, unknown> }).prototype;
    const handlers = descriptor
      ? [descriptor.value as object]
      : Object.getOwnPropertyNames(prototype)
          .filter((name) => name !== 'constructor' && typeof prototype![name] === 'function')
          .map((name) => prototype![name] as object);
    for (const handler of handlers) {
      Reflect.defineMetadata(
        OPERATION_KEY,
        { summary: '', ...Reflect.getMetadata(OPERATION_KEY, handler), ...patch },
        handler,
      );
    }
  };
}

/** The operation's summary in the domain's words and, where the rule is not obvious, its description. */
export const Operation = (summary: string, description?: string) =>
  mergeOperation({ summary, ...(description ? { description } : {}) });

/** Overrides the document's bearer requirement: the operation is called without a token. */
export const NoTokenNeeded = () => mergeOperation({ security: [] });

/**
 * Documents the refusals an operation (or every operation of a controller) can answer with, all
 * with the one error body. A status already documented is left as it is, so access rules and a
 * route's own list can both name, say, 404.
 */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map(
      (status): MethodDecorator & ClassDecorator =>
        (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
          const holder = descriptor ? (descriptor.value as object) : target;
          const documented = Reflect.getMetadata(RESPONSES_KEY, holder) as Record<string, unknown> | undefined;
          if (documented?.[status]) return;
          ApiResponse({ status, ...errorResponse(status) })(target, key!, descriptor!);
        },
    ),
  );
}

/** A page of a list: `items` in the list's order and `total`, the count of all matches regardless of limit and offset. */
export function PageOf<T>(item: Type<T>) {
  class Page {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({ example: 1, description: 'How many there are in all, regardless of limit and offset' })
    total!: number;
  }
  return Page;
}

/** Who acted: the token's subject and the role they acted in (`system` for a deadline). */
export class ActingUser {
  @ApiProperty({ example: 'anna' })
  id!: string;

  @ApiProperty({ example: 'secretary' })
  role!: string;
}
