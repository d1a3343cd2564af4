import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { answersPing, type RedisEndpoint } from './redis-endpoint.js';

/** Unix socket paths longer than this are refused by the kernel (sun_path is 108 bytes). */
const MAX_SOCKET_PATH = 100;
const START_TIMEOUT_MS = 5000;

export type EmbeddedRedisStart =
  { outcome: 'started'; server: EmbeddedRedis } | { outcome: 'notInstalled' } | { outcome: 'failed'; reason: string };

/**
 * A private redis-server for the embedded default: data (append-only file) under the data
 * directory, reachable only through a unix socket there, stopped with the service.
 */
export class EmbeddedRedis {
  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: RedisEndpoint,
  ) {}

  /** Where the private server of this data directory listens (also when an earlier run left it running). */
  static endpointFor(dataDir: string): { path: string } {
    return { path: join(resolve(dataDir), 'redis', 'redis.sock') };
  }

  static async start(dataDir: string, command = 'redis-server'): Promise<EmbeddedRedisStart> {
    const dir = join(resolve(dataDir), 'redis');
    const endpoint = EmbeddedRedis.endpointFor(dataDir);
    if (endpoint.path.length > MAX_SOCKET_PATH) {
      return {
        outcome: 'failed',
        reason: `the socket path ${endpoint.path} is too long for a unix socket: use a shorter DATA_DIR`,
      };
    }
    mkdirSync(dir, { recursive: true });
    const child = spawn(
      command,
      [
        '--port',
        '0',
        '--unixsocket',
        endpoint.path,
        '--unixsocketperm',
        '700',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--save',
        '',
        '--logfile',
        join(dir, 'redis.log'),
        '--daemonize',
        'no',
      ],
      { stdio: 'ignore' },
    );
    const ended: { why?: string } = {};
    child.once(
      'error',
      (error: NodeJS.ErrnoException) => (ended.why = error.code === 'ENOENT' ? 'notInstalled' : error.message),
    );
    child.once(
      'exit',
      (code, signal) =>
        (ended.why ??= `redis-server exited (${signal ?? `code ${code}`}); see ${join(dir, 'redis.log')}`),
    );
    const answered = await EmbeddedRedis.waitForPing(endpoint, () => ended.why !== undefined);
    if (ended.why === 'notInstalled') return { outcome: 'notInstalled' };
    if (ended.why !== undefined) return { outcome: 'failed', reason: ended.why };
    if (!answered) {
      child.kill('SIGKILL');
      return {
        outcome: 'failed',
        reason: `redis-server did not answer within ${START_TIMEOUT_MS} ms; see ${join(dir, 'redis.log')}`,
      };
    }
    return { outcome: 'started', server: new EmbeddedRedis(child, endpoint) };
  }

  private static async waitForPing(endpoint: RedisEndpoint, gaveUp: () => boolean): Promise<boolean> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline && !gaveUp()) {
      if (await answersPing(endpoint, 200)) return true;
      await new Promise((done) => setTimeout(done, 50));
    }
    return false;
  }

  /** Stops the server; SIGTERM makes it flush the append-only file first. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), START_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
}
