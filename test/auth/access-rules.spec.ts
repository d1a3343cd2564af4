import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROLES, type Role } from '../../src/common/actor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { concretePath, registeredRoutes, type RegisteredRoute } from './route-table.js';

const NO_CASE = '00000000-0000-4000-8000-000000000000';

/**
 * What each role gets from the routes this suite knows exactly (a case that does not exist, an
 * empty body). Every other route is held to its declared rule below.
 */
const EXACT: Record<string, Record<Role | 'none', number>> = {
  'GET /health': { none: 200, secretary: 200, supporter: 200, administrator: 200, developer: 200 },
  'GET /cases': { none: 401, secretary: 200, supporter: 200, administrator: 200, developer: 403 },
  'POST /cases': { none: 401, secretary: 400, supporter: 403, administrator: 403, developer: 403 },
  'POST /cases/search': { none: 401, secretary: 400, supporter: 403, administrator: 403, developer: 403 },
  'GET /cases/:id': { none: 401, secretary: 404, supporter: 404, administrator: 404, developer: 403 },
  'GET /cases/:id/history': { none: 401, secretary: 404, supporter: 403, administrator: 403, developer: 403 },
  // The empty body is refused before any case is looked at, alike for every case; a valid event to a
  // case the supporter does not reach answers 404 (test/one-pass).
  'POST /cases/:id/events': { none: 401, secretary: 400, supporter: 400, administrator: 400, developer: 403 },
  'GET /audit': { none: 401, secretary: 403, supporter: 403, administrator: 200, developer: 403 },
  'GET /metrics': { none: 401, secretary: 403, supporter: 403, administrator: 200, developer: 403 },
  'GET /admin/queues': { none: 401, secretary: 403, supporter: 403, administrator: 200, developer: 403 },
  // A browser session's own route: a bearer token is no session, whoever it names.
  'GET /auth/session': { none: 401, secretary: 401, supporter: 401, administrator: 401, developer: 401 },
  'GET /admin/queues/*path': { none: 401, secretary: 403, supporter: 403, administrator: 404, developer: 403 },
};

describe('who may call which route', () => {
  let t: TestApp;
  let base: string;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    routes = registeredRoutes(t.app);
  });
  afterAll(() => t.close());

  /** The status a call gets; a stream that stays open is answered by its headers alone. */
  async function statusOf(route: RegisteredRoute, role: Role | 'none'): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (role !== 'none') headers.authorization = `Bearer ${t.token(role, { supporterId: NO_CASE })}`;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 5000);
    try {
      const res = await fetch(`${base}${concretePath(route.path)}`, {
        method: route.method,
        headers,
        body: route.method === 'GET' || route.method === 'HEAD' ? undefined : '{}',
        signal: abort.signal,
      });
      await res.body?.cancel();
      return res.status;
    } finally {
      clearTimeout(timer);
    }
  }

  it('finds the routes it checks', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(Object.keys(EXACT)));
  });

  it('has a declared rule (@Roles or @Public) on every route', () => {
    expect(routes.filter((r) => r.rule.kind === 'none').map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answers every route as its rule says, for every role and for no token', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      for (const role of [...ROLES, 'none'] as const) {
        const status = await statusOf(route, role);
        const refused = status === 401 || status === 403;
        const expected = EXACT[key]?.[role];
        if (expected !== undefined) {
          if (status !== expected) mismatches.push(`${key} as ${role}: ${status}, expected ${expected}`);
        } else if (route.rule.kind === 'public') {
          if (refused) mismatches.push(`${key} as ${role}: ${status}, but it is public`);
        } else if (role === 'none') {
          if (status !== 401) mismatches.push(`${key} without a token: ${status}, expected 401`);
        } else if (route.rule.kind === 'roles' && route.rule.roles.includes(role)) {
          if (refused) mismatches.push(`${key} as ${role}: ${status}, but the rule lets ${role} in`);
        } else if (status !== 403) {
          mismatches.push(`${key} as ${role}: ${status}, expected 403`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
