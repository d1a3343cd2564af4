import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { specsImportedBy } from '../support/suite-sequencer.js';

/**
 * Jest runs the *.test.ts files; a *.spec.ts file runs only as part of the suite that imports it
 * (test/support/README.md, "Suites"). A spec no suite imports would never run, and one imported
 * twice would run twice: each must be imported by exactly one suite, and by nothing else.
 */

/** The rig's `logStream` option, as an object literal gives it. */
const GIVES_A_LOG_STREAM = /[{,]\s*logStream\b/;

const testFiles = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts'))
  .map((path) => `test/${path}`);

describe('the suites Jest runs', () => {
  const specs = testFiles.filter((file) => file.endsWith('.spec.ts')).sort();
  const suites = testFiles.filter((file) => file.endsWith('.test.ts'));

  it('run every spec file exactly once, each from a suite in its own folder', () => {
    const imported = suites.flatMap(specsImportedBy).sort();
    expect(imported).toEqual(specs);
  });

  it("leave a test that reads the service's log to a suite of its own", () => {
    // nestjs-pino keeps the logger of the first app a module graph starts: a later spec's own log
    // stream would stay empty, and its "nothing personal was logged" would pass unseen.
    expect(specs.filter((file) => GIVES_A_LOG_STREAM.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('are the only files that import a spec file', () => {
    const others = testFiles.filter((file) => !file.endsWith('.test.ts'));
    const importers = others.filter((file) => /\.spec\.js['"]/.test(readFileSync(file, 'utf8')));
    expect(importers).toEqual([]);
  });
});
