import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEffectsModule } from '../cases/case-effects.module.js';
import { CasesRepositoryModule } from '../cases/cases-repository.module.js';
import { InterviewsRepository } from './interviews.repository.js';
import { InterviewConsent } from './interview-consent.entity.js';
import { MeetingConsentEffect } from './meeting-consent.effect.js';

/** What the consent records do to case commands; apart from InterviewsModule so the worker-only process has it without the routes. */
@Module({
  imports: [TypeOrmModule.forFeature([InterviewConsent]), CaseEffectsModule, CasesRepositoryModule],
  providers: [MeetingConsentEffect, InterviewsRepository],
  exports: [InterviewsRepository, CasesRepositoryModule],
})
export class InterviewConsentModule {}
