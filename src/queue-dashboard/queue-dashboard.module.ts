import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { DashboardSignInController } from './dashboard-sign-in.controller.js';
import { QueueDashboardController } from './queue-dashboard.controller.js';

/** bull-board at /admin/queues over the deadline queue, for administrators. */
@Module({
  imports: [DeadlinesModule],
  controllers: [QueueDashboardController, DashboardSignInController],
})
export class QueueDashboardModule {}
