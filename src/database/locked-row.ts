import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/**
 * The row, locked until the transaction ends on PostgreSQL (FOR UPDATE), so transactions that
 * check something about it before writing take turns, and each one's later statements see what
 * the one before committed. SQLite runs one transaction at a time and has no row locks.
 */
export function findLocked<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, where: FindOptionsWhere<E>): Promise<E | null> {
  return manager.connection.options.type === 'postgres'
    ? manager.findOne(entity, { where, lock: { mode: 'pessimistic_write' } })
    : manager.findOneBy(entity, where);
}
