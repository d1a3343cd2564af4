import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The Tax Agency's test personnummer (../shared/testdata): the only ones a test may use.
 * Each call hands out a number not handed out before in this test file.
 */
const ALL = readFileSync(resolve(process.cwd(), '../shared/testdata/skatteverket-testpersonnummer.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => /^\d{12}$/.test(line));

function bornBetween(from: number, to: number): string[] {
  return ALL.filter((n) => {
    const year = Number(n.slice(0, 4));
    return year >= from && year <= to && Number(n.slice(6, 8)) <= 31;
  });
}

const children = bornBetween(2014, 2024);
const parents = bornBetween(1976, 1999);
let nextChildIndex = 0;
let nextParentIndex = 0;

export function aChildPersonnummer(): string {
  return children[nextChildIndex++ % children.length];
}

export function aParentPersonnummer(): string {
  return parents[nextParentIndex++ % parents.length];
}

/** A real test number with its check digit changed: the canonical bad input. */
export function withWrongCheckDigit(personnummer: string): string {
  const last = Number(personnummer.at(-1));
  return personnummer.slice(0, -1) + String((last + 1) % 10);
}

/** In the hyphenated ten-digit form a secretary might type. */
export function shortForm(personnummer: string): string {
  return `${personnummer.slice(2, 8)}-${personnummer.slice(8)}`;
}
