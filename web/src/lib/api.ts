import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../api/schema';

export type Schemas = components['schemas'];
export type ApiErrorBody = Schemas['ApiErrorBody'];

/** The CSRF token of the signed-in session: every write this app sends carries it. */
let csrfToken: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sendsCsrfToken: Middleware = {
  onRequest({ request }) {
    if (WRITES.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** The one client of the service's API: typed from its OpenAPI document (web/src/api/schema.d.ts). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sendsCsrfToken);

/** A refusal from the API: its status and its own error body (rule, field, message, …). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ApiErrorBody>,
  ) {
    super(`${status} ${body.error ?? ''}`);
  }
}

/** openapi-fetch's answer as data, or the API's refusal thrown as an ApiError. */
export function answered<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  if (result.response.ok && result.response.status === 204) return undefined as T;
  const body = typeof result.error === 'object' && result.error !== null ? (result.error as Partial<ApiErrorBody>) : {};
  throw new ApiError(result.response.status, body);
}
