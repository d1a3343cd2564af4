import type { DataSource, EntityMetadata } from 'typeorm';
import type { PersonnummerProtector } from './personnummer-protector.service.js';
import { SealedColumnsRepository } from './sealed-columns.repository.js';
import { isSealed } from './sealed.decorator.js';

const values = new SealedColumnsRepository();

/** A column the entities declare @Sealed, and the one primary column its rows are walked by. */
export interface SealedColumn {
  entity: EntityMetadata;
  property: string;
  /** `table.column`, as reports name it. */
  name: string;
}

/** Every @Sealed column of the data source's entities. */
export function sealedColumns(dataSource: DataSource): SealedColumn[] {
  return dataSource.entityMetadatas.flatMap((entity) =>
    entity.columns
      .filter((column) => typeof entity.target === 'function' && isSealed(entity.target, column.propertyName))
      .map((column) => {
        if (entity.primaryColumns.length !== 1)
          throw new Error(`${entity.tableName} has a sealed column but not one primary column to walk its rows by`);
        return { entity, property: column.propertyName, name: `${entity.tableName}.${column.databaseName}` };
      }),
  );
}

/**
 * The key id of each stored value (a sealed value reads `v1.<key id>.…`), counted in the
 * database: `{ keyId: count }` per column.
 */
export async function keyIdsInUse(dataSource: DataSource): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  for (const sealed of sealedColumns(dataSource))
    counts.set(sealed.name, await values.keyIdCounts(dataSource.manager, sealed));
  return counts;
}

/** Every key id in use, with how many values it seals in all. */
export function totalsByKeyId(counts: Map<string, Record<string, number>>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const byKeyId of counts.values())
    for (const [keyId, n] of Object.entries(byKeyId)) totals[keyId] = (totals[keyId] ?? 0) + n;
  return totals;
}

/**
 * Why the service must not start with these keys: stored values sealed under a key id that is not
 * among them could never be opened. Names the key ids and where they are, never a key.
 */
export async function missingKeysProblem(dataSource: DataSource, keyIds: string[]): Promise<string | undefined> {
  const counts = await keyIdsInUse(dataSource);
  const missing = Object.keys(totalsByKeyId(counts)).filter((keyId) => !keyIds.includes(keyId));
  if (missing.length === 0) return undefined;
  const where = [...counts]
    .flatMap(([name, byKeyId]) =>
      missing.filter((keyId) => byKeyId[keyId]).map((keyId) => `${byKeyId[keyId]} in ${name} under ${keyId}`),
    )
    .join(', ');
  return (
    `PERSONAL_DATA_KEYS lacks the key id(s) ${missing.join(', ')}, which still seal stored values (${where}): ` +
    'put the key back (npm run keys:rewrap reports when a key seals nothing any more and may go)'
  );
}

export interface RewrapOutcome {
  /** Per sealed column: values re-sealed under the current key, and values looked at. */
  columns: { name: string; rewrapped: number; values: number }[];
  /** After the run: how many values each key id still seals. */
  byKeyId: Record<string, number>;
}

/**
 * Seals every value of every @Sealed column under the current key (the first of
 * PERSONAL_DATA_KEYS), a batch per transaction, so an older key can be removed from the list once
 * it seals nothing. Values already under the current key are left alone: running it again changes
 * nothing. A value changed meanwhile by the service is left as the service wrote it (under the current key).
 */
export async function rewrapSealed(
  dataSource: DataSource,
  protector: PersonnummerProtector,
  batchSize = 500,
): Promise<RewrapOutcome> {
  const columns: RewrapOutcome['columns'] = [];
  for (const sealed of sealedColumns(dataSource)) {
    const id = sealed.entity.primaryColumns[0].propertyName;
    const outcome = { name: sealed.name, rewrapped: 0, values: 0 };
    let after: unknown;
    for (;;) {
      const batch = await values.batch(dataSource.manager, sealed, after, batchSize);
      if (batch.length === 0) break;
      const stale = batch.filter((row) => {
        const value = row[sealed.property];
        return typeof value === 'string' && !protector.isSealedUnderCurrentKey(value);
      });
      await dataSource.transaction(async (manager) => {
        for (const row of stale) {
          const value = row[sealed.property] as string;
          await values.reseal(manager, sealed, row[id], value, protector.seal(protector.open(value)));
        }
      });
      outcome.rewrapped += stale.length;
      outcome.values += batch.filter((row) => row[sealed.property] !== null).length;
      after = batch[batch.length - 1][id];
    }
    columns.push(outcome);
  }
  return { columns, byKeyId: totalsByKeyId(await keyIdsInUse(dataSource)) };
}
