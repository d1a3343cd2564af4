import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { StaffModule } from '../organisation/staff.module.js';
import { CaseCommands } from './case-commands.service.js';
import { CaseEffectsModule } from './case-effects.module.js';
import { CaseHistoryEntry } from './case-history-entry.entity.js';
import { CaseParty } from './case-party.entity.js';
import { CaseRecord } from './case-record.entity.js';
import { CasesRepositoryModule } from './cases-repository.module.js';
import { CaseTransitions } from './case-transitions.service.js';
import { DecisionMakerEffect } from './decision-maker.effect.js';
import { EventDatesEffect } from './event-dates.effect.js';
import { SeparateMeetingsEffect } from './separate-meetings.effect.js';
import { MachineMigrationSweep } from './machine-migration.sweep.js';
import { TransitionCounter } from './transition-counter.service.js';
import { ResponsibleSecretaries } from './responsible-secretaries.service.js';

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
  providers: [
    CaseCommands,
    CaseTransitions,
    TransitionCounter,
    ResponsibleSecretaries,
    MachineMigrationSweep,
    EventDatesEffect,
    DecisionMakerEffect,
    SeparateMeetingsEffect,
  ],
  exports: [CaseCommands, CasesRepositoryModule, CaseTransitions, ResponsibleSecretaries, CaseEffectsModule],
})
export class CasesModule {}
