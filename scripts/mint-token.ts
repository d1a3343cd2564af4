import { parseArgs } from 'node:util';
import { localSigningKey, mintLocalToken } from '../src/auth/local-tokens.js';
import { ROLES, type Role } from '../src/common/actor.js';
import { InvalidConfigError, loadConfig } from '../src/config/app-config.js';

const USAGE = `Mints a token the embedded default accepts, for local use.

  npm run token -- --role secretary --sub anna
  npm run token -- --role supporter --sub karin --supporter-id <uuid>

  --role           ${ROLES.join(' | ')} (repeat for several roles)
  --sub            the user the token names
  --supporter-id   for a supporter: the supporter record they are
  --hours          how long the token is valid (default 8)

It signs with JWT_SECRET, or with the secret the service generated in DATA_DIR (./data):
run it with the same configuration as the service.`;

function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      'supporter-id': { type: 'string' },
      hours: { type: 'string', default: '8' },
      help: { type: 'boolean' },
    },
  });
  const roles = values.role ?? [];
  const hours = Number(values.hours);
  const problems = [
    ...(values.help ? [''] : []),
    ...(roles.length === 0 ? ['--role is required'] : []),
    ...roles
      .filter((r) => !(ROLES as readonly string[]).includes(r))
      .map((r) => `--role ${r} is not one of ${ROLES.join(', ')}`),
    ...(values.sub ? [] : ['--sub is required']),
    ...(roles.includes('supporter') && !values['supporter-id'] ? ['--supporter-id is required for a supporter'] : []),
    ...(Number.isFinite(hours) && hours > 0 ? [] : ['--hours must be a positive number']),
  ];
  if (problems.length > 0) {
    console.error([...problems.filter((p) => p !== ''), '', USAGE].join('\n').trim());
    process.exit(values.help ? 0 : 2);
  }
  const key = localSigningKey(loadConfig());
  const token = mintLocalToken(
    key,
    { sub: values.sub!, roles: roles as Role[], supporterId: values['supporter-id'] },
    { expiresInSeconds: Math.round(hours * 3600) },
  );
  process.stdout.write(`${token}\n`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof InvalidConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
