import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { VisitRecordsModule } from '../visits/visit-records.module.js';
import { CaseCommands } from './case-commands.service.js';
import { CaseEffectsModule } from './case-effects.module.js';
import { CaseQueries } from './case-queries.service.js';
import { CaseTotals } from './case-totals.js';
import { CaseTransitions } from './case-transitions.js';
import { CasesController } from './cases.controller.js';
import { MachineMigrationSweep } from './machine-migration.sweep.js';
import { ResponsibleSecretaries, ResponsibleSecretaryController } from './responsible-secretaries.js';

@Module({
  imports: [AuditModule, CaseEffectsModule, DeadlinesModule, VisitRecordsModule, DocumentsModule, StaffModule],
  controllers: [CasesController, ResponsibleSecretaryController],
  providers: [CaseCommands, CaseQueries, CaseTransitions, ResponsibleSecretaries, MachineMigrationSweep, CaseTotals],
  exports: [CaseCommands, CaseQueries, CaseTransitions],
})
export class CasesModule {}
