import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { CaseCommands } from './case-commands.service.js';
import { CaseEffectsModule } from './case-effects.module.js';
import { CaseHistoryEntry } from './case-history-entry.entity.js';
import { CaseParty } from './case-party.entity.js';
import { CaseRecord } from './case-record.entity.js';
import { CasesRepositoryModule } from './cases-repository.module.js';
import { CaseTransitions } from './case-transitions.js';
import { MachineMigrationSweep } from './machine-migration.sweep.js';
import { ResponsibleSecretaries, ResponsibleSecretaryController } from './responsible-secretaries.js';

/**
 * The case aggregate: its rows and the one command path that changes them. What a change does in
 * other features comes in through CaseEffects; the case's HTTP side and view are in case-api.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([CaseRecord, CaseParty, CaseHistoryEntry]),
    AuditModule,
    CaseEffectsModule,
    CasesRepositoryModule,
    StaffModule,
  ],
  controllers: [ResponsibleSecretaryController],
  providers: [CaseCommands, CaseTransitions, ResponsibleSecretaries, MachineMigrationSweep],
  exports: [CaseCommands, CasesRepositoryModule, CaseTransitions, CaseEffectsModule],
})
export class CasesModule {}
