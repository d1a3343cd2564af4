import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InterviewsController } from './interviews.controller.js';
import { InterviewsService } from './interviews.service.js';
import { ChildInterview } from './child-interview.entity.js';
import { InterviewConsent } from './interview-consent.entity.js';

@Module({ imports: [TypeOrmModule.forFeature([ChildInterview, InterviewConsent])], controllers: [InterviewsController], providers: [InterviewsService] })
export class InterviewsModule {}
