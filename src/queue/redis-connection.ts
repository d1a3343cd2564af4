import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { EmbeddedRedis } from './embedded-redis.js';
import { createRedisClient, describeEndpoint, type RedisEndpoint } from './redis-endpoint.js';

/**
 * The process's Redis: where it is, and one shared client that fails fast while Redis is away
 * (no offline queue), so that nothing an API request does ever waits on it.
 */
export class RedisConnection implements OnApplicationShutdown {
  readonly client: Redis;
  private readonly logger = new Logger('Redis');
  private unreachable = false;

  constructor(
    readonly endpoint: RedisEndpoint,
    private readonly embedded?: EmbeddedRedis,
  ) {
    this.client = createRedisClient(endpoint, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    // One line when Redis goes away and one when it is back, not one per reconnection attempt.
    this.client.on('error', (error: Error) => {
      if (this.unreachable) return;
      this.unreachable = true;
      this.logger.warn(
        `Redis at ${this.describe()} is unreachable (${error.message}): deadlines wait in the database until it answers`,
      );
    });
    this.client.on('ready', () => {
      if (!this.unreachable) return;
      this.unreachable = false;
      this.logger.log(`Redis at ${this.describe()} answers again`);
    });
  }

  get ready(): boolean {
    return this.client.status === 'ready';
  }

  describe(): string {
    return describeEndpoint(this.endpoint);
  }

  /** PONG, or an error within `timeoutMs`; a connection still being made is given that long to come up. */
  async ping(timeoutMs: number): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    let whenReady: (() => void) | undefined;
    const connected = this.ready
      ? Promise.resolve()
      : new Promise<void>((done) => this.client.once('ready', (whenReady = done)));
    try {
      return await Promise.race([connected.then(() => this.client.ping()), timeout]);
    } finally {
      clearTimeout(timer);
      if (whenReady) this.client.off('ready', whenReady);
    }
  }

  /** Calls `listener` each time the connection becomes ready, the first time included. */
  onReady(listener: () => void): () => void {
    this.client.on('ready', listener);
    return () => this.client.off('ready', listener);
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
    await this.embedded?.stop();
  }
}
