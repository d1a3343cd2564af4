import { Module } from '@nestjs/common';
import { DeadlineDispatcher } from './deadline-dispatcher.js';
import { DeadlinesService } from './deadlines.service.js';

@Module({
  providers: [DeadlinesService, { provide: DeadlineDispatcher, useValue: { dispatch: () => undefined } }],
  exports: [DeadlinesService, DeadlineDispatcher],
})
export class DeadlinesModule {}
