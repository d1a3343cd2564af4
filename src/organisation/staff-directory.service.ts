import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, NotFoundError } from '../common/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import type { StaffProfileDto } from './dto/staff.dtos.js';
import { StaffProfile } from './staff-profile.entity.js';
import { said } from '../common/said.js';
import { StaffRepository } from './staff.repository.js';

export type StaffProfileView = Pick<StaffProfile, 'subject' | 'name' | 'title' | 'phone' | 'email'>;

function profileView({ subject, name, title, phone, email }: StaffProfile): StaffProfileView {
  return { subject, name, title, phone, email };
}

/** The caseworkers' profiles: what letters, calendar feeds and notifications say about who answers for a case. */
@Injectable()
export class StaffDirectory {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly staff: StaffRepository,
  ) {}

  /** Every profile, by name: who may be named responsible for a case. */
  async list(): Promise<StaffProfileView[]> {
    const profiles = await this.transactions.read((manager) => this.staff.all(manager));
    return profiles.map(profileView);
  }

  /** The profile kept by the user with that token subject, or null when they have not written one. */
  async profileOf(subject: string, manager?: EntityManager): Promise<StaffProfileView | null> {
    const profile = manager
      ? await this.staff.profileOf(manager, subject)
      : await this.transactions.run((m) => this.staff.profileOf(m, subject));
    return profile ? profileView(profile) : null;
  }

  /** As `profileOf`, for a letter that cannot go out without it: 422 naming what is missing. */
  async requireProfileOf(manager: EntityManager, subject: string | null): Promise<StaffProfileView> {
    if (!subject)
      throw new BusinessRuleError(
        'responsibleSecretary',
        said(
          'Ärendet har ingen ansvarig handläggare. Ange en ansvarig handläggare för ärendet först.',
          'the case has no responsible secretary: set one with PUT /cases/:id/responsible-secretary',
        ),
        'responsibleSecretaryId',
      );
    const profile = await this.profileOf(subject, manager);
    if (!profile) {
      throw new BusinessRuleError(
        'caseworkerProfile',
        said(
          `Den ansvariga handläggaren (${subject}) har ingen personalprofil. Handläggaren fyller i sin profil (namn, titel, telefon, e-post) först.`,
          `the responsible secretary (${subject}) has no staff profile: they write it with PUT /staff/me (name, title, phone, email)`,
        ),
        'responsibleSecretaryId',
      );
    }
    return profile;
  }

  async mine(subject: string): Promise<StaffProfileView> {
    const profile = await this.profileOf(subject);
    if (!profile) throw new NotFoundError('staff profile');
    return profile;
  }

  async write(subject: string, dto: StaffProfileDto): Promise<StaffProfileView> {
    const profile = Object.assign(new StaffProfile(), { subject, ...dto, updatedAt: this.clock.now() });
    await this.transactions.run((manager) => this.staff.write(manager, profile));
    return profileView(profile);
  }
}
