import { Global, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RedisConnection } from './redis-connection.js';
import { resolveRedis } from './resolve-redis.js';
import { WorkerHost } from './worker-host.service.js';

/** Redis for the whole process (found, or started privately, once at boot) and the worker host of its queues. */
@Global()
@Module({
  providers: [
    {
      provide: RedisConnection,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const { endpoint, embedded } = await resolveRedis(config, new Logger('Redis'));
        return new RedisConnection(endpoint, embedded);
      },
    },
    WorkerHost,
  ],
  exports: [RedisConnection, WorkerHost],
})
export class RedisModule {}
