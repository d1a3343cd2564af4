import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { InvalidConfigError, loadConfig } from './config/app-config.js';
import { configureHttpApp } from './http-app.js';
import { drainThenClose } from './health/graceful-shutdown.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  configureHttpApp(app);
  await app.listen(config.port, config.host);
  process.once('SIGTERM', () => {
    drainThenClose(app, config.shutdownDrainSeconds * 1000).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigError ? error.message : error);
  process.exit(1);
});
