import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** English that must never reach a person (issue 27): whole words, case ignored. */
export const ENGLISH_WORDS = ['refused', 'missing', 'must', 'add it with'];

const DIR = resolve(process.cwd(), 'test/artifacts/read-words');

/**
 * After the whole suite: every refusal message and alert text any test received (test/support/read-words.ts)
 * is scanned for the English words above; the run fails naming each text that has one.
 */
export default function scanReadWords() {
  if (!existsSync(DIR)) return;
  const found = [];
  let scanned = 0;
  for (const file of readdirSync(DIR)) {
    for (const line of readFileSync(join(DIR, file), 'utf8').split('\n')) {
      if (!line) continue;
      scanned++;
      const entry = JSON.parse(line);
      const words = ENGLISH_WORDS.filter((word) => new RegExp(`\\b${word}\\b`, 'i').test(entry.text));
      if (words.length > 0) found.push(`${entry.route} ${entry.status}: ${entry.text} [${words.join(', ')}]`);
    }
  }
  rmSync(DIR, { recursive: true, force: true });
  if (found.length > 0) {
    throw new Error(
      `English reached a person in ${found.length} of ${scanned} texts the suite received:\n${[...new Set(found)].join('\n')}`,
    );
  }
  console.log(`Read-words scan: ${scanned} messages and alert texts, none with ${ENGLISH_WORDS.join(' / ')}.`);
}
