import type { EntityManager } from 'typeorm';

/*
 * A document's bytes live in their own table, read only on download. The column is `bytea` on
 * PostgreSQL and `blob` on SQLite: no single entity column type covers both, so the table is
 * reached through the query builder by name.
 */
const TABLE = 'document_contents';

export async function storeContent(manager: EntityManager, documentId: string, bytes: Buffer): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(TABLE, ['documentId', 'bytes'])
    .values({ documentId, bytes })
    .execute();
}

export async function readContent(manager: EntityManager, documentId: string): Promise<Buffer | undefined> {
  const row = await manager
    .createQueryBuilder()
    .select('c.bytes', 'bytes')
    .from(TABLE, 'c')
    .where(`c.${manager.connection.driver.escape('documentId')} = :documentId`, { documentId })
    .getRawOne<{ bytes: Buffer | Uint8Array }>();
  return row ? Buffer.from(row.bytes) : undefined;
}
