import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnitDetails } from './unit-details.entity.js';

/** The unit's details are one row under this key. */
const ROW = 'unit';

/** The unit's details, one row, inside the caller's transaction. */
@Injectable()
export class UnitRepository {
  details(manager: EntityManager): Promise<UnitDetails | null> {
    return manager.findOneBy(UnitDetails, { id: ROW });
  }

  /** Written whether the row is there yet or not: two first writes at once must not collide on its key. */
  async write(manager: EntityManager, details: UnitDetails): Promise<void> {
    await manager.upsert(UnitDetails, { ...details, id: ROW }, ['id']);
  }
}
