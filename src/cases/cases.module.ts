import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { SupportersModule } from '../supporters/supporters.module.js';
import { VisitRecordsModule } from '../visits/visit-records.module.js';
import { CaseCommands } from './case-commands.service.js';
import { CaseQueries } from './case-queries.service.js';
import { CaseTotals } from './case-totals.js';
import { CaseTransitions } from './case-transitions.js';
import { CasesController } from './cases.controller.js';

@Module({
  imports: [DeadlinesModule, SupportersModule, VisitRecordsModule, DocumentsModule],
  controllers: [CasesController],
  providers: [CaseCommands, CaseQueries, CaseTransitions, CaseTotals],
  exports: [CaseCommands, CaseQueries, CaseTransitions],
})
export class CasesModule {}
