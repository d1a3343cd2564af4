import { Module } from '@nestjs/common';
import { CasesRepository } from './cases.repository.js';

/** The case aggregate's repository alone, for features that read cases without the command path. */
@Module({ providers: [CasesRepository], exports: [CasesRepository] })
export class CasesRepositoryModule {}
