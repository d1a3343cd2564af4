import { Writable } from 'node:stream';

/** Every log line the app writes, kept for scanning, with a wait for a line to appear. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  private readonly waiting: { pattern: RegExp; resolve: () => void }[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    for (const line of chunk
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '')) {
      this.lines.push(line);
      for (const waiter of this.waiting.filter((w) => w.pattern.test(line))) {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    done();
  }

  /** Resolves once a line matching `pattern` was written (or already had been). */
  lineMatching(pattern: RegExp): Promise<void> {
    if (this.lines.some((line) => pattern.test(line))) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ pattern, resolve }));
  }
}
