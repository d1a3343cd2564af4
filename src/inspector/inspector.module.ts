import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { InspectionFeed } from './inspection-feed.service.js';
import { INSPECTOR_ASSETS, inspectorAssets } from './inspector-assets.js';
import { InspectorController } from './inspector.controller.js';
import { InspectorQueries } from './inspector-queries.service.js';

/** The case-flow inspector at /inspector: the machine drawn live, cases per state, one case's path. */
@Module({
  imports: [CasesModule, DeadlinesModule],
  controllers: [InspectorController],
  providers: [InspectionFeed, InspectorQueries, { provide: INSPECTOR_ASSETS, useFactory: inspectorAssets }],
})
export class InspectorModule {}
