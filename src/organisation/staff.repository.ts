import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StaffProfile } from './staff-profile.entity.js';

/** Caseworkers' profiles, inside the caller's transaction. */
@Injectable()
export class StaffRepository {
  /** Every profile, by name. */
  all(manager: EntityManager): Promise<StaffProfile[]> {
    return manager.find(StaffProfile, { order: { name: 'ASC', subject: 'ASC' } });
  }

  profileOf(manager: EntityManager, subject: string): Promise<StaffProfile | null> {
    return manager.findOneBy(StaffProfile, { subject });
  }

  /** One statement whether the profile is new or not: a find-then-insert let two first writes at once collide on the key. */
  async write(manager: EntityManager, profile: StaffProfile): Promise<void> {
    await manager.upsert(StaffProfile, profile, ['subject']);
  }
}
