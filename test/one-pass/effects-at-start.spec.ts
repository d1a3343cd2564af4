import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module.js';
import { MissingCaseEffectError } from '../../src/cases/case-effects.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import { DeadlineEffects } from '../../src/deadlines/deadlines.effect.js';
import { MeetingConsentEffect } from '../../src/interviews/meeting-consent.effect.js';
import { SupporterAppointableEffect } from '../../src/supporters/supporter-appointable.effect.js';
import { VisitRecordEffect } from '../../src/visits/visit-record.effect.js';
import { WorkerModule } from '../../src/worker.module.js';

/** Builds a process's module on a throw-away SQLite file with `removed` standing in as a provider that registers nothing. */
async function start(
  root: typeof AppModule | typeof WorkerModule,
  removed?: Type,
): Promise<{ app: INestApplicationContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'effects-'));
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    RUN_WORKER: 'false',
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
  });
  let builder = Test.createTestingModule({ imports: [root.forRoot(config)] });
  if (removed) builder = builder.overrideProvider(removed).useValue({});
  const app = await builder.compile();
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { app, dir };
}

describe('the effects case changes need, checked when a process starts', () => {
  let started: { app: INestApplicationContext; dir: string } | undefined;
  afterEach(async () => {
    await started?.app.close();
    if (started) rmSync(started.dir, { recursive: true, force: true });
    started = undefined;
  });

  it('starts the service and the worker-only process with every effect registered', async () => {
    started = await start(AppModule);
    await started.app.close();
    rmSync(started.dir, { recursive: true, force: true });
    started = await start(WorkerModule);
  });

  it.each([
    ['the visits', VisitRecordEffect, 'visitRecord (needed by LOG_VISIT)'],
    [
      'the supporters',
      SupporterAppointableEffect,
      'supporterAppointable (needed by APPOINT_SUPPORTER, REPLACE_SUPPORTER)',
    ],
    ['the interview consents', MeetingConsentEffect, 'meetingConsent (needed by HOLD_STARTUP_MEETING)'],
    ['the deadlines', DeadlineEffects, 'deadlines (needed by every change)'],
  ])(
    'refuses to start when %s register no effect, naming it and the changes that need it',
    async (_feature, removed, named) => {
      const refused = start(AppModule, removed);
      await expect(refused).rejects.toBeInstanceOf(MissingCaseEffectError);
      await expect(refused).rejects.toThrow(named);
    },
  );
});
