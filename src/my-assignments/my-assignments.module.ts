import { Module } from '@nestjs/common';
import { CompensationModule } from '../compensation/compensation.module.js';
import { MyAssignmentsController } from './my-assignments.controller.js';
import { MyAssignmentsRepository } from './my-assignments.repository.js';
import { MyAssignmentsService } from './my-assignments.service.js';

@Module({
  imports: [CompensationModule],
  controllers: [MyAssignmentsController],
  providers: [MyAssignmentsService, MyAssignmentsRepository],
})
export class MyAssignmentsModule {}
