import type { EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record.entity.js';

/**
 * How many assignments each supporter holds now: cases not yet archived whose context names them
 * as the supporter. With a supporter id, only cases whose stored snapshot mentions it are read.
 */
export async function activeAssignments(manager: EntityManager, supporterId?: string): Promise<Map<string, number>> {
  const query = manager
    .createQueryBuilder(CaseRecord, 'c')
    .select(['c.id', 'c.snapshot'])
    .where('c.state <> :archived', { archived: 'archived' });
  // The snapshot is JSON text on both databases; the match is confirmed on the parsed context below.
  if (supporterId) query.andWhere('c.snapshot LIKE :mention', { mention: `%"supporterId":"${supporterId}"%` });
  const counts = new Map<string, number>();
  for (const record of await query.getMany()) {
    const named = record.snapshot.context.supporter?.supporterId;
    if (named !== undefined && (supporterId === undefined || named === supporterId)) {
      counts.set(named, (counts.get(named) ?? 0) + 1);
    }
  }
  return counts;
}
