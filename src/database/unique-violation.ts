import { QueryFailedError } from 'typeorm';

/** A unique index as the migrations create it: its name, its table and its columns. */
export interface UniqueIndex {
  name: string;
  table: string;
  columns: string[];
}

/**
 * Whether `error` is the database refusing a row that `index` already holds: a second writer that
 * lost a race the checks before its insert could not see (another transaction had not committed).
 * PostgreSQL names the index; SQLite names the table and columns.
 */
export function violatesUniqueIndex(error: unknown, index: UniqueIndex): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const cause = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string; message?: string } }).driverError;
  if (cause?.code === '23505') return cause.constraint === index.name;
  return cause?.code === 'SQLITE_CONSTRAINT_UNIQUE' && (cause.message ?? '').endsWith(`: ${index.columns.map((column) => `${index.table}.${column}`).join(', ')}`);
}
