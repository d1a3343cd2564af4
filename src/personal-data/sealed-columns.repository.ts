import { MoreThan, type EntityManager } from 'typeorm';
import type { SealedColumn } from './sealed-columns.js';

/** The @Sealed columns of any table, walked and re-sealed by key rotation and counted at start-up. */
export class SealedColumnsRepository {
  /**
   * The key id of each stored value of the column (a sealed value reads `v1.<key id>.…`), counted
   * in the database: `{ keyId: count }`.
   */
  async keyIdCounts(manager: EntityManager, sealed: SealedColumn): Promise<Record<string, number>> {
    const { driver } = manager.connection;
    const column = driver.escape(sealed.entity.findColumnWithPropertyName(sealed.property)!.databaseName);
    const keyId =
      manager.connection.options.type === 'postgres'
        ? `split_part(${column}, '.', 2)`
        : `substr(${column}, instr(${column}, '.') + 1, instr(substr(${column}, instr(${column}, '.') + 1), '.') - 1)`;
    const rows = await manager.query<{ keyId: string; n: number | string }[]>(
      `SELECT ${keyId} AS "keyId", COUNT(*) AS n FROM ${driver.escape(sealed.entity.tableName)} ` +
        `WHERE ${column} IS NOT NULL GROUP BY ${keyId}`,
    );
    return Object.fromEntries(rows.map((row) => [row.keyId, Number(row.n)]));
  }

  /** The next `size` rows after primary key `after` (from the first when undefined): their key and the column's value. */
  async batch(
    manager: EntityManager,
    sealed: SealedColumn,
    after: unknown,
    size: number,
  ): Promise<Record<string, unknown>[]> {
    const id = sealed.entity.primaryColumns[0].propertyName;
    return await manager.find(sealed.entity.target, {
      select: { [id]: true, [sealed.property]: true },
      where: after === undefined ? {} : { [id]: MoreThan(after) },
      order: { [id]: 'ASC' },
      take: size,
    });
  }

  /** Writes the value sealed anew, unless the row's value changed since it was read. */
  async reseal(
    manager: EntityManager,
    sealed: SealedColumn,
    key: unknown,
    read: string,
    resealed: string,
  ): Promise<void> {
    const id = sealed.entity.primaryColumns[0].propertyName;
    await manager.update(sealed.entity.target, { [id]: key, [sealed.property]: read }, { [sealed.property]: resealed });
  }
}
