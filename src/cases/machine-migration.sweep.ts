import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CURRENT_MACHINE_VERSION, MACHINE_VERSIONS } from '../../machines/registry.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { CaseCommands } from './case-commands.service.js';
import { CasesRepository } from './cases.repository.js';

/**
 * At start-up, every open case stored under an earlier machine version moves to the current one
 * (recorded in its history), so no case keeps the rules of a version that let it stall. Archived
 * cases keep the version they ended under. Safe with several processes: a case moves once.
 * The search names the earlier versions rather than "not the current one", so the index on
 * (machineVersion, state) answers it without reading the cases already current: a start with
 * 100,000 current cases reads none of them.
 */
@Injectable()
export class MachineMigrationSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger(MachineMigrationSweep.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly commands: CaseCommands,
    private readonly cases: CasesRepository,
  ) {}

  /** At bootstrap, not module init: a migration is a case change, and the features register its effects at module init. */
  async onApplicationBootstrap(): Promise<void> {
    const earlier = MACHINE_VERSIONS.filter((version) => version !== CURRENT_MACHINE_VERSION);
    if (earlier.length === 0) return;
    const stale = await this.transactions.run((manager) => this.cases.openUnderVersions(manager, earlier));
    let moved = 0;
    for (const id of stale) {
      if (await this.commands.migrate(id)) moved += 1;
    }
    if (moved > 0) this.logger.log(`moved ${moved} open case(s) to machine version ${CURRENT_MACHINE_VERSION}`);
  }
}
