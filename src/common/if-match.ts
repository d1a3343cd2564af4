import { InvalidInputError } from './domain-errors.js';
import { said } from '../common/said.js';

/** The case version an `If-Match` header names: `"3"`, `W/"3"` or a bare `3`; none when absent or `*`. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw new InvalidInputError([
      said(
        'If-Match ska innehålla ärendets version som ETag, t.ex. "3".',
        'If-Match must carry the case version as its ETag, e.g. "3"',
      ),
    ]);
  return Number(match[1]);
}

export function etagOf(version: number): string {
  return `"${version}"`;
}
