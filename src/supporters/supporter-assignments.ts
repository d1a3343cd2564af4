import type { EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record.entity.js';

/** How many assignments each supporter holds now: cases not yet archived that name them as the supporter. */
export async function activeAssignments(manager: EntityManager, supporterId?: string): Promise<Map<string, number>> {
  const query = manager
    .createQueryBuilder(CaseRecord, 'c')
    .select('c.supporterId', 'supporterId')
    .addSelect('COUNT(*)', 'assignments')
    .where('c.state <> :archived', { archived: 'archived' })
    .andWhere('c.supporterId IS NOT NULL')
    .groupBy('c.supporterId');
  if (supporterId) query.andWhere('c.supporterId = :supporterId', { supporterId });
  const rows = await query.getRawMany<{ supporterId: string; assignments: string | number }>();
  return new Map(rows.map((row) => [row.supporterId, Number(row.assignments)]));
}
