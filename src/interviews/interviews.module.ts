import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InterviewConsentModule } from './interview-consent.module.js';
import { InterviewsController } from './interviews.controller.js';
import { InterviewsService } from './interviews.service.js';
import { ChildInterview } from './child-interview.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([ChildInterview]), InterviewConsentModule],
  controllers: [InterviewsController],
  providers: [InterviewsService],
})
export class InterviewsModule {}
