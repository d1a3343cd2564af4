import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { InvalidConfigError, loadConfig } from '../../src/config/app-config.js';
import { configurationDocument } from '../../src/config/configuration-document.js';
import { variablesOf } from '../../src/config/variable.js';
import { VARIABLES } from '../../src/config/variables.js';

const DECLARED = variablesOf(VARIABLES).map((v) => v.name);

describe('configuration from the environment', () => {
  it('runs on an embedded SQLite file under ./data and port 3000 when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { type: 'sqlite', path: './data/umgangesstod.sqlite' },
      redis: { url: 'redis://127.0.0.1:6379', explicit: false },
      periodCapMonths: 12,
      auth: { mode: 'local' },
      corsOrigins: [],
      notifications: { publicBaseUrl: 'http://127.0.0.1:3000' },
      audit: { headPath: './data/audit-head.json' },
    });
  });

  it('reads each variable into its place, worked-out defaults following the variables they depend on', () => {
    const config = loadConfig({
      DATA_DIR: '/srv/umg',
      PORT: '8080',
      COMPENSATION_RATE_PER_HOUR: '152.5',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: '2',
      INSPECT_STATELY: 'true',
      PUBLIC_BASE_URL: 'https://umg.kommun.se/',
      REMINDER_NOT_ARCHIVED_DAYS: '90',
    });
    expect(config).toMatchObject({
      port: 8080,
      database: { type: 'sqlite', path: '/srv/umg/umgangesstod.sqlite' },
      audit: { headPath: '/srv/umg/audit-head.json' },
      compensation: { ratePerHourOre: 15250, ratePerVisitOre: 10000 },
      corsOrigins: ['https://a.example', 'https://b.example'],
      trustProxy: 2,
      inspector: { stately: true, statelyPort: 8080 },
      notifications: { publicBaseUrl: 'https://umg.kommun.se' },
      reminderDelays: { notArchived: 90, summonsNotSent: 7 },
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
      /PORT must be a whole number[\s\S]*DATABASE_URL must be a postgres:\/\/ URL[\s\S]*PERIOD_CAP_MONTHS must not be less than 1/,
    );
  });

  it('signs browsers in through the provider with OIDC_ISSUER, a client id and a secret, bearer tokens staying local', () => {
    const config = loadConfig({
      OIDC_ISSUER: 'https://idp.kommun.se',
      OIDC_CLIENT_ID: 'umgangesstod',
      OIDC_CLIENT_SECRET: 'hemligt',
      OIDC_ROLE_MAP: 'fam-handlaggare=secretary,fam-chef=administrator',
    });
    expect(config.auth.mode).toBe('local');
    expect(config.signIn.oidc).toEqual({
      issuer: 'https://idp.kommun.se',
      clientId: 'umgangesstod',
      clientSecret: 'hemligt',
      roleClaim: 'roles',
      roleMap: { 'fam-handlaggare': 'secretary', 'fam-chef': 'administrator' },
      supporterIdClaim: 'supporterId',
    });
    expect(loadConfig({}).signIn).toEqual({
      idleMs: 30 * 60_000,
      maxMs: 12 * 3_600_000,
      maxFailures: 5,
      lockMs: 15 * 60_000,
      oidc: undefined,
    });
    expect(() => loadConfig({ OIDC_CLIENT_ID: 'umgangesstod' })).toThrow(
      'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be given together',
    );
    expect(() => loadConfig({ OIDC_ROLE_MAP: 'chef=root' })).toThrow(/OIDC_ROLE_MAP must be a comma-separated list/);
  });

  it('refuses settings that contradict each other', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      'OIDC_ISSUER, OIDC_AUDIENCE and OIDC_JWKS_URL must be given together',
    );
  });
});

describe('the declared variables', () => {
  it('are the table in docs/configuration.md: run `npm run docs` after declaring one', () => {
    expect(readFileSync('docs/configuration.md', 'utf8')).toBe(configurationDocument(VARIABLES));
  });

  it('are each declared once', () => {
    expect(DECLARED.filter((name, i) => DECLARED.indexOf(name) !== i)).toEqual([]);
  });

  it('cover every variable the container files and the example environment set for the service', () => {
    const named = (file: string, pattern: RegExp) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m[1]);
    const service = [
      ...named('compose.yaml', /^\s{4,6}([A-Z][A-Z0-9_]+):/gm).filter((name) => !name.startsWith('POSTGRES_')),
      ...named('.env.example', /^([A-Z][A-Z0-9_]+)=/gm).filter((name) => !name.startsWith('POSTGRES_')),
    ];
    // NAME_FILE gives a declared variable as a file; NODE_ENV is Node's own, which PRODUCTION's default reads.
    const declared = (name: string) => DECLARED.includes(name.replace(/_FILE$/, '')) || name === 'NODE_ENV';
    expect(service.filter((name) => !declared(name))).toEqual([]);
  });
});
