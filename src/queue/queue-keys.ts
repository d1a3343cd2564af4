import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';

/** Deletes every Redis key under one queue prefix, and nothing else (Redis may be shared): for tests and benchmarks. */
export async function deleteQueueKeys(config: Pick<AppConfig, 'redis' | 'queuePrefix'>): Promise<void> {
  const client = new Redis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch {
    return;
  }
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${config.queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
