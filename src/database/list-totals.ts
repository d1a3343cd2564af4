import type { EntityManager, EntityTarget, FindOptionsSelect, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/** Up to this many matches a list's total is counted on every page: exact, and cheap to read. */
export const EXACT_TOTAL_UP_TO = 1000;

/** How long a larger total, once counted, answers again. */
const LARGE_TOTAL_TTL_MS = 5000;

/**
 * The `total` of a paged list that may grow to 100,000 rows (alerts, the audit trail, the
 * outbox, disposed cases), without counting every row on every page. Up to EXACT_TOTAL_UP_TO
 * matches it is exact on every page (reading at most that many keys). Past it the full count
 * is kept per filter for a few seconds: a total that large may then be that much behind, which
 * no one paging through it can tell apart from a row added after they looked.
 * Per process: another process's changes show within the same few seconds.
 */
export class ListTotals {
  private readonly kept = new Map<string, { value: unknown; until: number }>();

  async count<E extends ObjectLiteral>(
    manager: EntityManager,
    entity: EntityTarget<E>,
    where: FindOptionsWhere<E>,
    filterKey: string,
  ): Promise<number> {
    if (!(await this.exceeds(manager, entity, where))) return manager.countBy(entity, where);
    return this.keep(filterKey, () => manager.countBy(entity, where));
  }

  /** Whether more than EXACT_TOTAL_UP_TO rows match: reads no more keys than that. */
  async exceeds<E extends ObjectLiteral>(
    manager: EntityManager,
    entity: EntityTarget<E>,
    where: FindOptionsWhere<E>,
  ): Promise<boolean> {
    const select = Object.fromEntries(
      manager.getRepository(entity).metadata.primaryColumns.map((column) => [column.propertyName, true]),
    ) as FindOptionsSelect<E>;
    const probe = await manager.find(entity, { select, where, skip: EXACT_TOTAL_UP_TO, take: 1 });
    return probe.length > 0;
  }

  /** `compute`'s answer under `key`, computed again at most once per TTL. */
  async keep<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const known = this.kept.get(key);
    if (known && known.until > Date.now()) return known.value as T;
    const value = await compute();
    this.kept.set(key, { value, until: Date.now() + LARGE_TOTAL_TTL_MS });
    return value;
  }
}
