import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { VisitRecordsModule } from '../visits/visit-records.module.js';
import { CaseAnswers } from './case-answers.service.js';
import { CaseListRepository } from './case-list.repository.js';
import { CaseQueries } from './case-queries.service.js';
import { CaseTotals } from './case-totals.service.js';
import { CasesController } from './cases.controller.js';
import { ResponsibleSecretaryController } from './responsible-secretary.controller.js';
import { DeadlinesController } from './deadlines.controller.js';
import { WorkList } from './work-list.service.js';

/** The case over HTTP: its routes, lists and view, which read the rows of the features above the case aggregate. */
@Module({
  imports: [CasesModule, DeadlinesModule, VisitRecordsModule, DocumentsModule],
  controllers: [CasesController, ResponsibleSecretaryController, DeadlinesController],
  providers: [CaseQueries, CaseListRepository, CaseTotals, CaseAnswers, WorkList],
})
export class CaseApiModule {}
