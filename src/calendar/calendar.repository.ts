import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CalendarToken } from './calendar-token.entity.js';

/** The secretaries' feed tokens (their hashes), inside the caller's transaction. */
@Injectable()
export class CalendarRepository {
  /** One statement over the owner's key: a delete and an insert let two renewals at once collide on it. */
  async setToken(manager: EntityManager, ownerId: string, tokenHash: string, now: Date): Promise<void> {
    await manager.upsert(CalendarToken, { ownerId, tokenHash, createdAt: now }, ['ownerId']);
  }

  /** Removes the owner's token; false when they had none. */
  async removeToken(manager: EntityManager, ownerId: string): Promise<boolean> {
    return Boolean((await manager.delete(CalendarToken, { ownerId })).affected);
  }

  byTokenHash(manager: EntityManager, tokenHash: string): Promise<CalendarToken | null> {
    return manager.findOneBy(CalendarToken, { tokenHash });
  }
}
