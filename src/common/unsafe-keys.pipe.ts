import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './domain-errors.js';
import { said, type Said } from './said.js';

/**
 * Keys that name an object's machinery rather than data. class-transformer follows them (a
 * `constructor` holding an object makes it throw `targetType is not a constructor`), so they are
 * refused before any transformation sees the input.
 */
const UNSAFE_KEYS = new Set(['constructor', '__proto__', 'prototype']);

/** No DTO nests deeper than this; deeper input is refused before anything walks it recursively. */
const MAX_NESTING = 8;

/** The first problem in a parsed body or query, as a message naming the key's path, or undefined. */
function unsafeInputProblem(input: unknown, where: 'body' | 'query'): Said | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const field = `${where}${item.path ? ` field ${item.path}` : ''}`;
    const fält = item.path ? `Fältet ${item.path}` : where === 'body' ? 'Innehållet' : 'Frågan';
    // PostgreSQL cannot store NUL in text; refused here, it is refused the same on SQLite.
    if (typeof item.value === 'string' && item.value.includes('\u0000'))
      return said(`${fält} får inte innehålla NUL-tecknet.`, `${field} must not contain the NUL character`);
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth > MAX_NESTING)
      return said(
        `${fält} är nästlat i fler än ${MAX_NESTING} nivåer.`,
        `${field} nests deeper than ${MAX_NESTING} levels`,
      );
    for (const key of Object.keys(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (UNSAFE_KEYS.has(key))
        return said(
          `Fältet ${path} är inte tillåtet: ${key} är ett reserverat namn.`,
          `${where} field ${path} is not allowed: ${key} is a reserved name`,
        );
      pending.push({ value: (item.value as Record<string, unknown>)[key], path, depth: item.depth + 1 });
    }
  }
  return undefined;
}

/** Runs first on every body and query string: refuses reserved key names, NUL characters and runaway nesting. */
@Injectable()
export class UnsafeKeysPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const problem = unsafeInputProblem(value, metadata.type === 'body' ? 'body' : 'query');
    if (problem) throw new InvalidInputError([problem]);
    return value;
  }
}
