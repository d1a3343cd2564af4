import { InvalidInputError } from '../common/domain-errors.js';
import { said } from '../common/said.js';

/** Where a page of cases ended: the last case's creation time and id (the list's order). */
export interface CaseListPosition {
  createdAt: Date;
  id: string;
}

/** An opaque cursor for `after`: base64url of `<epoch ms>.<id>`. */
export function encodeCursor(position: CaseListPosition): string {
  return Buffer.from(`${position.createdAt.getTime()}.${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): CaseListPosition {
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new InvalidInputError([
      said(
        'after ska vara markören för nästa sida från en tidigare sida.',
        'after must be the next cursor of a previous page',
      ),
    ]);
  return { createdAt: new Date(Number(match[1])), id: match[2] };
}
