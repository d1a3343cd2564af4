import type { IncomingMessage, ServerResponse } from 'node:http';

/** Set by a handler that passes requests on to an app of its own (bull-board): the route to name them by. */
export const ROUTE_NAME = 'routeName';

/** The catch-all that answers 404 for whatever no controller matched (`{/*splat}`): no route of the service's. */
const CATCH_ALL = /^\{?\/\*\w*\}?$/;

/**
 * The route a request matched, as declared (`/cases/:id`, `/calendar/feeds/:token.ics`), never
 * the concrete path, which can carry ids, a feed's secret token or whatever a caller typed;
 * none when no route matched. Known once routing is done.
 */
export function routePatternOf(req: IncomingMessage, res: ServerResponse): string | undefined {
  const named = (res as { locals?: Record<string, unknown> }).locals?.[ROUTE_NAME];
  if (typeof named === 'string') return named;
  const { route, baseUrl } = req as { route?: { path?: unknown }; baseUrl?: string };
  if (typeof route?.path !== 'string' || CATCH_ALL.test(route.path)) return undefined;
  return `${baseUrl ?? ''}${route.path}`;
}
