import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { rowLock } from '../database/locked-row.js';
import type { SupporterStatus } from './supporter.entity.js';
import { Supporter } from './supporter.entity.js';

/** The supporters table (a unit's roster: tens of rows), inside the caller's transaction. */
@Injectable()
export class SupportersRepository {
  find(manager: EntityManager, id: string): Promise<Supporter | null> {
    return manager.findOneBy(Supporter, { id });
  }

  /** The supporter, their row locked to the commit on PostgreSQL: appointments of one supporter take turns. */
  findForUpdate(manager: EntityManager, id: string): Promise<Supporter | null> {
    return manager.findOne(Supporter, { where: { id }, ...rowLock(manager) });
  }

  exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.existsBy(Supporter, { id });
  }

  /** Every supporter (of one status), in the order they were registered. */
  list(manager: EntityManager, status?: SupporterStatus): Promise<Supporter[]> {
    return manager.find(Supporter, {
      where: status ? { status } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  byIds(manager: EntityManager, ids: string[]): Promise<Supporter[]> {
    return ids.length > 0 ? manager.findBy(Supporter, { id: In(ids) }) : Promise.resolve([]);
  }

  /** The names of these supporters, by id. */
  async names(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.find(Supporter, { where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async insert(manager: EntityManager, supporter: Supporter): Promise<void> {
    // A copy: on PostgreSQL, insert() writes the RETURNING defaults back raw (`languages` as the string "[]").
    await manager.insert(Supporter, { ...supporter });
  }

  async update(manager: EntityManager, id: string, changes: Partial<Supporter>): Promise<void> {
    await manager.update(Supporter, { id }, changes);
  }
}
