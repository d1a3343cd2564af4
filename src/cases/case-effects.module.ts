import { Module } from '@nestjs/common';
import { CaseEffects } from './case-effects.service.js';

/**
 * The registry alone, so a feature can register its effect without importing the cases module
 * (which reads the feature's rows for the case's view).
 */
@Module({ providers: [CaseEffects], exports: [CaseEffects] })
export class CaseEffectsModule {}
