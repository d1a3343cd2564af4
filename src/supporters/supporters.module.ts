import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEffectsModule } from '../cases/case-effects.module.js';
import { CasesRepositoryModule } from '../cases/cases-repository.module.js';
import { PersonalDataModule } from '../personal-data/personal-data.module.js';
import { SupporterAppointableEffect } from './supporter-appointable.effect.js';
import { SupportersController } from './supporters.controller.js';
import { SupportersRepository } from './supporters.repository.js';
import { SupportersService } from './supporters.service.js';
import { Supporter } from './supporter.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Supporter]), CaseEffectsModule, CasesRepositoryModule, PersonalDataModule],
  controllers: [SupportersController],
  providers: [SupportersService, SupportersRepository, SupporterAppointableEffect],
  exports: [SupportersService, SupportersRepository],
})
export class SupportersModule {}
