import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import TestSequencer from '@jest/test-sequencer';

/**
 * Jest's own order (failed first, then longest first), except that a file Jest has no time for yet
 * (a fresh clone) weighs its own size plus that of the spec files it imports: a suite is a few
 * lines of imports, and by its own size it would start last and keep the run waiting for it.
 */
export default class SuiteSequencer extends TestSequencer {
  sort(tests) {
    const weight = new Map(tests.map((test) => [test.path, suiteSize(test.path)]));
    for (const test of tests) test.duration = this.time(test);
    return tests.sort((a, b) => {
      if (this.hasFailed(a) !== this.hasFailed(b)) return this.hasFailed(a) ? -1 : 1;
      if ((a.duration == null) !== (b.duration == null)) return a.duration == null ? -1 : 1;
      if (a.duration != null && b.duration != null) return b.duration - a.duration;
      return weight.get(b.path) - weight.get(a.path);
    });
  }
}

export function suiteSize(path) {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^import '(\.\/[\w-]+\.spec)\.js';$/gm)]
    .map((match) => statSync(resolve(dirname(path), `${match[1]}.ts`)).size)
    .reduce((sum, size) => sum + size, text.length);
}
