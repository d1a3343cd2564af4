import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEffectsModule } from '../cases/case-effects.module.js';
import { PersonalDataModule } from '../personal-data/personal-data.module.js';
import { SupporterAppointableEffect } from './supporter-appointable.effect.js';
import { SupportersController } from './supporters.controller.js';
import { SupportersService } from './supporters.service.js';
import { Supporter } from './supporter.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Supporter]), CaseEffectsModule, PersonalDataModule],
  controllers: [SupportersController],
  providers: [SupportersService, SupporterAppointableEffect],
  exports: [SupportersService],
})
export class SupportersModule {}
