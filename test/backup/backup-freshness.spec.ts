import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { takeBackup } from '../../src/backup/embedded-backup.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

async function scrape(t: TestApp): Promise<string> {
  return (await t.as('administrator').get('/metrics').expect(200)).text;
}

describe('an operator told when backups stop (BACKUP_MAX_AGE_HOURS)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { BACKUP_MAX_AGE_HOURS: '24' } });
  });
  afterAll(() => t.close());

  it('shows the backup down on the health page and stale in the metrics until a backup is taken, and again once it is too old', async () => {
    const none = await t.anonymous.get('/health').expect(503);
    expect(none.body).toMatchObject({
      error: { backup: { status: 'down', message: expect.stringMatching(/no backup/) } },
    });
    expect(await scrape(t)).toMatch(/^backup_stale 1$/m);

    await takeBackup(t.config, `${t.config.dataDir}/now.bak`, 'en lång lösenfras för testet', t.clock.now());
    const fresh = await t.anonymous.get('/health').expect(200);
    expect(fresh.body).toMatchObject({ info: { backup: { status: 'up' } } });
    const metrics = await scrape(t);
    expect(metrics).toMatch(/^backup_stale 0$/m);
    expect(metrics).toMatch(/^backup_age_seconds \d/m);

    t.clock.setNow(new Date(t.clock.now().getTime() + 25 * HOUR));
    const old = await t.anonymous.get('/health').expect(503);
    expect(old.body).toMatchObject({ error: { backup: { message: expect.stringMatching(/25 hours old/) } } });
    expect(await scrape(t)).toMatch(/^backup_stale 1$/m);
  });

  it('does not watch backups unless asked', async () => {
    const unwatched = await startTestApp();
    try {
      const health = await unwatched.anonymous.get('/health').expect(200);
      expect(health.body.details).not.toHaveProperty('backup');
    } finally {
      await unwatched.close();
    }
  });
});
