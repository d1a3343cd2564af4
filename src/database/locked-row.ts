import type { EntityManager } from 'typeorm';

/**
 * Find options that lock the rows read until the transaction ends on PostgreSQL (FOR UPDATE), so
 * transactions that check something about them before writing take turns, and each one's later
 * statements see what the one before committed. SQLite runs one transaction at a time and has no
 * row locks: none there.
 */
export function rowLock(manager: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' } } : {};
}
