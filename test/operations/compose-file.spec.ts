import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from '@jest/globals';
import { SERVICE_NODE_FLAGS } from '../../bench/bench-setup.js';
import { COMPOSE_SETTINGS } from '../../src/config/compose-settings.js';
import { composeEnvironment } from '../../src/config/configuration-document.js';
import { variablesOf } from '../../src/config/variable.js';
import { VARIABLES } from '../../src/config/variables.js';

interface Service {
  image?: string;
  env_file?: string;
  environment?: Record<string, string>;
  secrets?: string[];
  logging?: { driver: string };
  mem_limit?: string;
  command?: string[];
}
/** YAML merge keys (`<<: *service`) applied, as compose applies them. */
function merged(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(merged);
  if (typeof value !== 'object' || value === null) return value;
  const { '<<': base, ...own } = value as Record<string, unknown>;
  const inherited = base === undefined ? {} : (merged(base) as Record<string, unknown>);
  const result: Record<string, unknown> = { ...inherited };
  for (const [key, inner] of Object.entries(own)) result[key] = merged(inner);
  return result;
}

const compose = merged(load(readFileSync('compose.yaml', 'utf8'))) as {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
};
const DECLARED = variablesOf(VARIABLES).map((v) => v.name);

describe('the compose deployment, as docker compose config reads it with the example files', () => {
  it('passes every documented variable to the API and the worker (.env.example lists them all, generated)', () => {
    expect(readFileSync('.env.example', 'utf8')).toBe(composeEnvironment(VARIABLES, COMPOSE_SETTINGS));
    const listed = readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(listed.sort()).toEqual([...DECLARED].sort());
    for (const name of ['api-1', 'api-2', 'worker']) expect(compose.services[name].env_file).toBe('${ENV_FILE:-.env}');
  });

  it('gives every secret as a file (NAME_FILE from compose secrets), never in the environment', () => {
    for (const name of ['api-1', 'worker', 'migrate']) {
      const { environment = {}, secrets = [] } = compose.services[name];
      for (const [variable, value] of Object.entries(environment)) {
        if (!variable.endsWith('_FILE') || value === '') continue;
        expect(DECLARED).toContain(variable.replace(/_FILE$/, ''));
        expect(secrets).toContain(value.replace('/run/secrets/', ''));
      }
      for (const secret of ['DATABASE_URL', 'PERSONAL_DATA_KEYS', 'PERSONAL_DATA_HASH_KEY', 'AUDIT_CHAIN_KEY'])
        expect(environment).not.toHaveProperty(secret);
    }
  });

  it('runs the API and the worker as the runtime role without migrating, and migrates once as the owner', () => {
    expect(compose.services['api-1'].environment).toMatchObject({
      MIGRATE_AT_START: 'false',
      DATABASE_URL_FILE: '/run/secrets/database_url_app',
    });
    expect(compose.services.migrate.environment).toMatchObject({
      DATABASE_URL_FILE: '/run/secrets/database_url_owner',
    });
    expect(compose.services.migrate.command).toEqual([
      'node',
      'dist/scripts/migrate.js',
      '--grant-to',
      'umgangesstod_app',
    ]);
  });

  it('pins image versions, rotates logs and limits memory for every service; Redis asks for a password', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect([name, service.image]).not.toEqual([name, expect.stringMatching(/:latest$|^[^:]+$/)]);
      expect(service.logging?.driver).toBe('json-file');
      expect(service.mem_limit).toMatch(/^\d+[mg]$/);
    }
    expect(JSON.stringify(compose.services.redis)).toContain('--requirepass');
  });

  it('runs the API and the worker with the memory flags npm start and npm run worker give node', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const flagsOf = (words: string[] | undefined) => (words ?? []).filter((word) => word.startsWith('--'));
    // The image gives node what NODE_OPTIONS may carry there, and the rest on the command line.
    const options = /NODE_OPTIONS=(\S+)/.exec(dockerfile)?.[1].split(' ') ?? [];
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
    expect(flagsOf(scripts.start.split(' '))).toEqual(SERVICE_NODE_FLAGS);
    expect(flagsOf(scripts.worker.split(' '))).toEqual(SERVICE_NODE_FLAGS);
    expect([...options, ...flagsOf(cmd)]).toEqual(SERVICE_NODE_FLAGS);
    expect([...options, ...flagsOf(compose.services.worker.command)]).toEqual(SERVICE_NODE_FLAGS);
  });
});
