import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

/** Where Redis is: a URL (redis://, rediss://) or the unix socket of the private server. */
export type RedisEndpoint = { url: string } | { path: string };

/** The endpoint without credentials, for log lines and /health. */
export function describeEndpoint(endpoint: RedisEndpoint): string {
  if ('path' in endpoint) return `unix:${endpoint.path}`;
  const url = new URL(endpoint.url);
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

/**
 * ioredis waits this long for a closing socket to end; its default (2 s) also runs, in vain, for
 * a socket that never connected, and keeps a stopping process (or a test run) alive that long.
 */
const DISCONNECT_TIMEOUT_MS = 200;

/** An ioredis client for the endpoint: every Redis connection of the service is made here or from bullConnection. */
export function createRedisClient(endpoint: RedisEndpoint, options: RedisOptions = {}): Redis {
  const all = { disconnectTimeout: DISCONNECT_TIMEOUT_MS, ...options };
  return 'url' in endpoint ? new Redis(endpoint.url, all) : new Redis({ ...all, path: endpoint.path });
}

/** Connection options for BullMQ, which makes its own connections from them (a worker needs several). */
export function bullConnection(endpoint: RedisEndpoint, options: BullRedisOptions = {}): BullRedisOptions {
  const all = { disconnectTimeout: DISCONNECT_TIMEOUT_MS, ...options };
  return 'url' in endpoint ? { ...all, url: endpoint.url } : { ...all, path: endpoint.path };
}

/** Whether a Redis server answers PING at the endpoint within `timeoutMs`; never retries, never throws. */
export async function answersPing(endpoint: RedisEndpoint, timeoutMs = 500): Promise<boolean> {
  const client = createRedisClient(endpoint, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    if (client.status !== 'end') client.disconnect();
  }
}
