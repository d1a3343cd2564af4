import { Module } from '@nestjs/common';
import { InterviewConsentModule } from './interview-consent.module.js';
import { InterviewsController } from './interviews.controller.js';
import { InterviewsService } from './interviews.service.js';

@Module({ imports: [InterviewConsentModule], controllers: [InterviewsController], providers: [InterviewsService] })
export class InterviewsModule {}
