import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { apiDocument } from '../src/api-document.js';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/app-config.js';

/**
 * Prints the OpenAPI document the service serves at /docs-json, without starting it: the modules
 * are only scanned (Nest's preview mode), so no database, Redis or port is touched.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'umgangesstod-openapi-'));
  try {
    const app = await NestFactory.create(AppModule.forRoot(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })), {
      preview: true,
      logger: false,
    });
    process.stdout.write(`${JSON.stringify(apiDocument(app), null, 2)}\n`);
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
