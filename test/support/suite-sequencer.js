import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The spec files the suite at `path` imports, each on an `import` line of its own, as paths beside it. */
export function specsImportedBy(path) {
  return [...readFileSync(path, 'utf8').matchAll(/^import '\.\/([\w-]+\.spec)\.js';$/gm)].map((match) =>
    join(dirname(path), `${match[1]}.ts`),
  );
}

function suiteSize(path) {
  return specsImportedBy(path).reduce((sum, spec) => sum + statSync(spec).size, statSync(path).size);
}
