import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { SupportersModule } from '../supporters/supporters.module.js';
import { VisitRecordsModule } from '../visits/visit-records.module.js';
import { CaseCommands } from './case-commands.service.js';
import { CaseHistoryEntry } from './case-history-entry.entity.js';
import { CaseParty } from './case-party.entity.js';
import { CaseQueries } from '../case-api/case-queries.service.js';
import { CaseRecord } from './case-record.entity.js';
import { CaseTotals } from '../case-api/case-totals.js';
import { CaseTransitions } from './case-transitions.js';
import { CasesController } from '../case-api/cases.controller.js';
import { MachineMigrationSweep } from './machine-migration.sweep.js';
import { ResponsibleSecretaries, ResponsibleSecretaryController } from './responsible-secretaries.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseRecord, CaseParty, CaseHistoryEntry]), DeadlinesModule, SupportersModule, VisitRecordsModule, DocumentsModule, StaffModule],
  controllers: [CasesController, ResponsibleSecretaryController],
  providers: [CaseCommands, CaseQueries, CaseTransitions, ResponsibleSecretaries, MachineMigrationSweep, CaseTotals],
  exports: [CaseCommands, CaseQueries, CaseTransitions],
})
export class CasesModule {}
