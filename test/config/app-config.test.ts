import { describe, expect, it } from '@jest/globals';
import { InvalidConfigError, loadConfig } from '../../src/config/app-config.js';

describe('configuration from the environment', () => {
  it('runs on an embedded SQLite file under ./data and port 3000 when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { type: 'sqlite', path: './data/umgangesstod.sqlite' },
      redis: { url: 'redis://127.0.0.1:6379', explicit: false },
      periodCapMonths: 12,
    });
  });

  it('prefers PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db.example:5432/umgange', SQLITE_PATH: '/tmp/x.sqlite' });
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://app@db.example:5432/umgange' });
  });

  it('refuses bad values at boot, naming each variable and rule', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PERIOD_CAP_MONTHS: '0' });
    expect(attempt).toThrow(InvalidConfigError);
    expect(attempt).toThrow(
      /PORT must be an integer number[\s\S]*DATABASE_URL must be a postgres:\/\/ URL[\s\S]*PERIOD_CAP_MONTHS must not be less than 1/,
    );
  });
});
