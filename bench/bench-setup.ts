import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import pg from 'pg';

/** What `npm run bench -- …` was asked for. */
export interface BenchArgs {
  postgres: boolean;
  apiProcesses?: number;
  workers?: number;
  cases?: number;
  registerHttp?: number;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { postgres: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const count = () => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} takes a whole number ≥ 1`);
      return value;
    };
    if (flag === '--postgres') args.postgres = true;
    else if (flag === '--api-processes') args.apiProcesses = count();
    else if (flag === '--workers') args.workers = count();
    else if (flag === '--cases') args.cases = count();
    else if (flag === '--register-http') args.registerHttp = count();
    else
      throw new Error(
        `unknown option ${flag}: --postgres, --api-processes N, --workers N, --cases N, --register-http N`,
      );
  }
  // SQLite lets one process write a file: a second one's transactions fail as busy (README, Scaling).
  if (!args.postgres && ((args.apiProcesses ?? 1) > 1 || (args.workers ?? 1) > 1)) {
    throw new Error('several API processes or workers share a database only on PostgreSQL: add --postgres');
  }
  return args;
}

export function coresLine(processes: number): string {
  const cores = availableParallelism();
  return `${cores} CPU cores on this machine: ${processes} processes scale by at most ${Math.min(processes, cores)}× (the client and the database share the cores too)`;
}

/** A fresh database for one benchmark phase: a SQLite file, or a new schema in DATABASE_URL (or the local test server). */
export class BenchDatabase {
  private constructor(
    readonly env: Record<string, string>,
    readonly label: string,
    private readonly dispose: () => Promise<void>,
  ) {}

  static async create(postgres: boolean): Promise<BenchDatabase> {
    const dir = mkdtempSync(join(tmpdir(), 'umgangesstod-bench-'));
    if (!postgres) {
      return new BenchDatabase(
        { DATA_DIR: dir, DATABASE_URL: '', SQLITE_PATH: join(dir, 'bench.sqlite') },
        'SQLite WAL synchronous=FULL',
        () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
      );
    }
    const server = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';
    const schema = `bench_${randomBytes(5).toString('hex')}`;
    await admin(server, `CREATE SCHEMA ${schema}`);
    const url = new URL(server);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return new BenchDatabase({ DATA_DIR: dir, DATABASE_URL: url.toString() }, `PostgreSQL (${url.host})`, async () => {
      await admin(server, `DROP SCHEMA ${schema} CASCADE`);
      rmSync(dir, { recursive: true, force: true });
    });
  }

  drop(): Promise<void> {
    return this.dispose();
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The flags `npm start`, `npm run worker` and the image give node: the heap's growth bounded (docs/database.md, Memory). */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=16', '--heap-growing-percent=75'];

/** A service process as `npm start` or `npm run worker` runs it, from the build in dist/. */
export class ServiceProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string | undefined,
  ) {}

  static async start(entry: 'main' | 'worker', env: Record<string, string>, port: number): Promise<ServiceProcess> {
    const child = spawn(
      process.execPath,
      [...SERVICE_NODE_FLAGS, join(import.meta.dirname, '..', 'src', `${entry}.js`)],
      {
        env: {
          ...process.env,
          LOG_LEVEL: 'warn',
          ...env,
          ...(entry === 'main' ? { PORT: String(port) } : { METRICS_PORT: String(port) }),
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`);
    const probe = entry === 'main' ? '/health' : '/metrics';
    const until = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode} before it answered`);
      const answered = await fetch(`${service.url}${probe}`).then(
        (r) => r.ok,
        () => false,
      );
      if (answered) return service;
      if (Date.now() > until) throw new Error(`${entry} did not answer ${probe} within 60 s`);
      await new Promise((done) => setTimeout(done, 200));
    }
  }

  /** Resident set size in MB, from /proc (Linux). */
  rssMb(): number | undefined {
    try {
      const line = readFileSync(`/proc/${this.child.pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('VmRSS:'));
      return line ? Number(line.split(/\s+/)[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** CPU time (user and system) the process has used so far, in ms, from /proc (Linux; clock ticks of 10 ms). */
  cpuMs(): number | undefined {
    try {
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }
}

/** Ports for spawned processes, away from the usual 3000. */
let nextPort = 39_000 + Math.floor(Math.random() * 1000);
export function freePort(): number {
  return nextPort++;
}
