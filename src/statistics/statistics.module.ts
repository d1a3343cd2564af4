import { Module } from '@nestjs/common';
import { STATISTICS_ASSETS, statisticsAssets } from './statistics-assets.js';
import { StatisticsController } from './statistics.controller.js';
import { StatisticsRepository } from './statistics.repository.js';
import { StatisticsService } from './statistics.service.js';

/** The committee's statistics at /statistics, and its page at /statistics/page. */
@Module({
  controllers: [StatisticsController],
  providers: [StatisticsService, StatisticsRepository, { provide: STATISTICS_ASSETS, useFactory: statisticsAssets }],
})
export class StatisticsModule {}
