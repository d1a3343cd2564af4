import { Module } from '@nestjs/common';
import { CaseEffectsModule } from '../cases/case-effects.module.js';
import { SupporterAppointableEffect } from './supporter-appointable.effect.js';
import { SupportersController } from './supporters.controller.js';
import { SupportersService } from './supporters.service.js';

@Module({
  controllers: [SupportersController],
  imports: [CaseEffectsModule],
  providers: [SupportersService, SupporterAppointableEffect],
  exports: [SupportersService],
})
export class SupportersModule {}
