import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../src/config/app-config.js';
import { dataSourceOptions, MIGRATIONS } from '../../src/database/data-source-options.js';

export type TestDatabase = 'sqlite' | 'postgres';

/** The machine's PostgreSQL; each throw-away database is a schema of its own in it. */
const POSTGRES_URL = 'postgres://root@127.0.0.1:5432/test';

/**
 * Tests that are not about durability skip the wait for the disk at each commit: on SQLite
 * `synchronous = OFF`, on PostgreSQL `synchronous_commit = off` for the test's own sessions. A
 * process that is killed still loses nothing (the commit is in the operating system's hands); only
 * a crash of the machine would, which no test makes.
 */
export interface ThrowAwayOptions {
  /** An empty database instead of one with every migration run (for the tests of the migrations). */
  empty?: boolean;
  /** Keep the production durability settings (tests that are about durability). */
  durable?: boolean;
}

/**
 * A throw-away database: a SQLite file in `dir`, or a schema of its own in the machine's
 * PostgreSQL. A migrated one is a copy of a template migrated once per set of migrations (the
 * SQLite file copied; on PostgreSQL the schema made again from what pg_dump wrote of it), shared
 * by every test file and checkout whose migrations are the same: the service's start-up then
 * finds nothing to migrate. (Not a `CREATE DATABASE … TEMPLATE`: on PostgreSQL 15 each
 * `DROP DATABASE` forces a checkpoint of the whole server, which every other run on it waits for.)
 */
export class ThrowAwayDatabase {
  private constructor(
    /** What the service's environment needs to reach it (SQLITE_PATH or DATABASE_URL). */
    readonly env: Record<string, string>,
    /** Whether commits wait for the disk; `false` is set on the service's config (see TestRig). */
    readonly durable: boolean,
    private readonly dispose: () => Promise<void>,
  ) {}

  static async create(kind: TestDatabase, dir: string, options: ThrowAwayOptions = {}): Promise<ThrowAwayDatabase> {
    const durable = options.durable ?? false;
    if (kind === 'sqlite') {
      const path = join(dir, 'cases.sqlite');
      if (!options.empty) copyFileSync(await sqliteTemplate(), path);
      return new ThrowAwayDatabase({ SQLITE_PATH: path }, durable, () => Promise.resolve());
    }
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const create = options.empty
      ? `CREATE SCHEMA ${schema}`
      : (await postgresSchemaSql()).replaceAll(PLACEHOLDER, schema);
    await admin(`SET synchronous_commit = off; BEGIN; ${create}; COMMIT;`);
    const settings = [`search_path=${schema}`, ...(durable ? [] : ['synchronous_commit=off'])];
    const url = `${POSTGRES_URL}?options=${encodeURIComponent(settings.map((s) => `-c ${s}`).join(' '))}`;
    return new ThrowAwayDatabase({ DATABASE_URL: url }, durable, () => admin(`DROP SCHEMA ${schema} CASCADE`));
  }

  drop(): Promise<void> {
    return this.dispose();
  }
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * What the migrated schema depends on: the migrations in the order they run and the source of the
 * database folder (the migrations' helpers with them). Another set of migrations, in another
 * checkout or after an edit, gets templates of its own.
 */
const MIGRATIONS_KEY = (() => {
  const hash = createHash('sha256').update(MIGRATIONS.map((m) => m.name).join('\n'));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(entry).update(readFileSync(path));
    }
  };
  walk(resolve('src/database'));
  return hash.digest('hex').slice(0, 16);
})();

const TEMPLATE_DIR = join(tmpdir(), 'umgangesstod-test-templates');

/** Runs every migration on a fresh database, as the service does at start-up, and closes it. */
async function migrate(database: DatabaseConfig): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  await dataSource.destroy();
}

let sqliteTemplatePath: Promise<string> | undefined;

/**
 * The migrated SQLite file, made once: written under a name of its own and renamed, so a file that
 * exists is complete (closing it has moved its WAL into it).
 */
function sqliteTemplate(): Promise<string> {
  sqliteTemplatePath ??= (async () => {
    const path = join(TEMPLATE_DIR, `migrated-${MIGRATIONS_KEY}.sqlite`);
    if (existsSync(path)) return path;
    mkdirSync(TEMPLATE_DIR, { recursive: true });
    const making = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await migrate({ type: 'sqlite', path: making });
      renameSync(making, path);
    } finally {
      for (const leftover of [making, `${making}-wal`, `${making}-shm`]) rmSync(leftover, { force: true });
    }
    return path;
  })();
  return sqliteTemplatePath;
}

/** Stands for the schema's name in the SQL that makes a migrated schema. */
const PLACEHOLDER = '__test_schema__';
let postgresSql: Promise<string> | undefined;

/**
 * The SQL that makes a migrated schema (its tables, functions, triggers and the migrations' own
 * rows), with PLACEHOLDER for its name: every migration is run once on a scratch schema, which
 * pg_dump writes out and which is then dropped. Kept in a file, written under a name of its own and
 * renamed, so a file that exists is complete.
 */
function postgresSchemaSql(): Promise<string> {
  postgresSql ??= (async () => {
    const path = join(TEMPLATE_DIR, `migrated-${MIGRATIONS_KEY}.postgres.sql`);
    if (existsSync(path)) return readFileSync(path, 'utf8');
    const scratch = `migrating_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE SCHEMA ${scratch}`);
    try {
      await migrate({
        type: 'postgres',
        url: `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${scratch}`)}`,
      });
      const { stdout } = await promisify(execFile)(
        'pg_dump',
        ['--dbname', POSTGRES_URL, '--schema', scratch, '--no-owner', '--no-privileges', '--inserts'],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      // pg_dump's backslash lines are psql's commands, not SQL.
      const sql = stdout
        .split('\n')
        .filter((line) => !line.startsWith('\\'))
        .join('\n')
        .replaceAll(scratch, PLACEHOLDER);
      mkdirSync(TEMPLATE_DIR, { recursive: true });
      const making = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
      writeFileSync(making, sql);
      renameSync(making, path);
      return sql;
    } finally {
      await admin(`DROP SCHEMA ${scratch} CASCADE`);
    }
  })();
  return postgresSql;
}
