import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidConfigError } from '../config/app-config.js';
import { PersonnummerProtector } from './personnummer-protector.service.js';
import { missingKeysProblem } from './sealed-columns.js';

/**
 * At start: every stored sealed value's key id is among the configured keys. Started without one
 * (a key removed before `npm run keys:rewrap` ran), the service would fail on every such party
 * later, one request at a time; it refuses to start instead, naming the key id, never the key.
 */
@Injectable()
export class SealedKeysCheck implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly protector: PersonnummerProtector,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const problem = await missingKeysProblem(this.dataSource, this.protector.keyIds());
    if (problem) throw new InvalidConfigError(problem);
  }
}
