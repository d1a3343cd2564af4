import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { RegisterSupporterDto } from './dto/register-supporter.dto.js';
import { Supporter } from './supporter.entity.js';

@Injectable()
export class SupportersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  register(dto: RegisterSupporterDto): Promise<Supporter> {
    const supporter = Object.assign(new Supporter(), { ...dto, id: randomUUID(), createdAt: this.clock.now() });
    return this.transactions.run((manager) => manager.save(supporter));
  }

  async list(limit: number, offset: number): Promise<{ items: Supporter[]; total: number }> {
    const [items, total] = await this.transactions.run((manager) =>
      manager.findAndCount(Supporter, { order: { createdAt: 'ASC', id: 'ASC' }, take: limit, skip: offset }),
    );
    return { items, total };
  }

  /** Inside the appointing transaction: only a supporter the unit knows can be appointed. */
  async requireAppointable(manager: EntityManager, supporterId: string): Promise<Supporter> {
    const supporter = await manager.findOneBy(Supporter, { id: supporterId });
    if (!supporter) {
      throw new BusinessRuleError('supporterExists', 'supporterId names no registered supporter', 'supporterId');
    }
    return supporter;
  }
}
