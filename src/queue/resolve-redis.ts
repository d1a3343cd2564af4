import type { AppConfig } from '../config/app-config.js';
import { EmbeddedRedis } from './embedded-redis.js';
import { answersPing, describeEndpoint, type RedisEndpoint } from './redis-endpoint.js';

export interface ResolvedRedis {
  endpoint: RedisEndpoint;
  /** The private server this process started, to be stopped with it. */
  embedded?: EmbeddedRedis;
}

/**
 * Which Redis the service uses. A named REDIS_URL is used as given, answering or not. Without
 * one: the default address if a server answers there, else the private server of this data
 * directory (left running by an earlier run, or started now if redis-server is installed).
 * Failing all of that the service runs on without Redis, against the default address, so that
 * a server started there later is picked up: deadlines wait in the database meanwhile.
 */
export async function resolveRedis(
  config: Pick<AppConfig, 'redis' | 'dataDir'>,
  log: { log(message: string): void; warn(message: string): void },
  redisServer = 'redis-server',
): Promise<ResolvedRedis> {
  const configured: RedisEndpoint = { url: config.redis.url };
  if (config.redis.explicit || (await answersPing(configured))) return { endpoint: configured };
  const privateEndpoint = EmbeddedRedis.endpointFor(config.dataDir);
  if (await answersPing(privateEndpoint)) {
    log.log(`Using the private Redis already running at ${describeEndpoint(privateEndpoint)}`);
    return { endpoint: privateEndpoint };
  }
  const started = await EmbeddedRedis.start(config.dataDir, redisServer);
  if (started.outcome === 'started') {
    log.log(
      `No Redis at ${describeEndpoint(configured)}: started a private redis-server at ${describeEndpoint(started.server.endpoint)}`,
    );
    return { endpoint: started.server.endpoint, embedded: started.server };
  }
  const why =
    started.outcome === 'notInstalled'
      ? 'redis-server is not installed (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis)'
      : `the private redis-server could not start: ${started.reason}`;
  log.warn(
    `No Redis at ${describeEndpoint(configured)} and ${why}. The API works; deadlines wait in the database ` +
      `and are delivered once Redis answers at ${describeEndpoint(configured)} (or set REDIS_URL).`,
  );
  return { endpoint: configured };
}
