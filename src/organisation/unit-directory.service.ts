import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import type { UnitDetailsDto } from './dto/unit-details.dto.js';
import { UnitDetails } from './unit-details.entity.js';
import { said } from '../common/said.js';
import { UnitRepository } from './unit.repository.js';

export const UNIT_FIELDS = [
  'municipality',
  'committee',
  'unitName',
  'postalAddress',
  'phone',
  'email',
  'phoneHours',
] as const;
type UnitField = (typeof UNIT_FIELDS)[number];

export type UnitView = Record<UnitField, string | null>;
/** The unit's details once every one is there: what a letter may print. */
export type CompleteUnit = Record<UnitField, string>;

function unitView(details: UnitDetails | null): UnitView {
  return Object.fromEntries(UNIT_FIELDS.map((field) => [field, details?.[field] ?? null])) as UnitView;
}

@Injectable()
export class UnitDirectory {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly unit: UnitRepository,
  ) {}

  async get(): Promise<UnitView> {
    return unitView(await this.transactions.run((manager) => this.unit.details(manager)));
  }

  /** Sets the fields given and keeps the others. */
  write(dto: UnitDetailsDto, actor: Actor): Promise<UnitView> {
    return this.transactions.run(async (manager) => {
      const current = await this.unit.details(manager);
      const next = Object.assign(current ?? Object.assign(new UnitDetails(), unitView(null)), dto, {
        updatedAt: this.clock.now(),
        updatedBy: actor.id,
      });
      await this.unit.write(manager, next);
      return unitView(next);
    });
  }

  /** The unit's shared mailbox, inside the caller's transaction; null until the administrator sets it. */
  async mailboxWithin(manager: EntityManager): Promise<string | null> {
    return (await this.unit.details(manager))?.email ?? null;
  }

  /** For a letter: every detail, or 422 naming each one missing (never a letter with blanks). */
  async requireComplete(manager: EntityManager): Promise<CompleteUnit> {
    const view = unitView(await this.unit.details(manager));
    const missing = UNIT_FIELDS.filter((field) => view[field] === null);
    if (missing.length > 0) {
      throw new BusinessRuleError(
        'unitDetailsComplete',
        said(
          `Enhetens uppgifter saknar ${missing.join(', ')}. Administratören fyller i dem under enhetens uppgifter.`,
          `the unit's details are missing ${missing.join(', ')}: the administrator sets them with PUT /unit`,
        ),
        missing[0],
      );
    }
    return view as CompleteUnit;
  }
}
