import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AccountRefusedError, registerAccount } from '../src/auth/accounts/account-registration.js';
import { ROLES, type Role } from '../src/common/actor.js';
import { InvalidConfigError, loadConfig } from '../src/config/app-config.js';
import { standaloneDataSourceOptions } from '../src/entities.js';

const USAGE = `Skapar ett lokalt konto för inloggning i webbläsaren.

  printf '%s' "$LÖSENORD" | npm run user:add -- --username anna --role secretary --name "Anna Berg" --password-stdin
  npm run user:add -- --username karin --role supporter --supporter-id <uuid> --password-stdin

  --username        det man loggar in med (små bokstäver a–z, siffror, . _ @ -)
  --role            ${ROLES.join(' | ')}
  --name            namnet som visas (annars användarnamnet)
  --supporter-id    för en umgängesstödjare: id:t för stödjarens post i registret
  --password-stdin  lösenordet läses från standard in (minst 12 tecken), aldrig från kommandoraden

Kör med samma konfiguration som tjänsten (DATABASE_URL eller SQLITE_PATH/DATA_DIR).`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line ending, as `echo` or a here-string adds it, is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'supporter-id': { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const problems = [
    ...(values.username ? [] : ['--username krävs']),
    ...(values.role ? [] : ['--role krävs']),
    ...(values.role && !(ROLES as readonly string[]).includes(values.role)
      ? [`--role ${values.role} är ingen roll här: välj en av ${ROLES.join(', ')}`]
      : []),
    ...(values['password-stdin'] ? [] : ['--password-stdin krävs: lösenordet läses från standard in']),
  ];
  if (values.help || problems.length > 0) {
    console.error([...problems, '', USAGE].join('\n').trim());
    process.exit(values.help ? 0 : 2);
  }
  const password = await readStdin();
  const dataSource = new DataSource(standaloneDataSourceOptions(loadConfig().database));
  await dataSource.initialize();
  try {
    await dataSource.transaction((manager) =>
      registerAccount(
        manager,
        {
          username: values.username!,
          name: values.name ?? values.username!,
          role: values.role as Role,
          ...(values['supporter-id'] ? { supporterId: values['supporter-id'] } : {}),
          password,
        },
        new Date(),
      ),
    );
  } finally {
    await dataSource.destroy();
  }
  console.log(`Kontot ${values.username} (${values.role}) är skapat.`);
}

main().catch((error: unknown) => {
  const known = error instanceof AccountRefusedError || error instanceof InvalidConfigError;
  console.error(known || error instanceof Error ? error.message : error);
  process.exit(known ? 2 : 1);
});
