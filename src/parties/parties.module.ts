import { Module } from '@nestjs/common';
import { CasesRepositoryModule } from '../cases/cases-repository.module.js';
import { PartiesController } from './parties.controller.js';
import { PartiesService } from './parties.service.js';

@Module({ imports: [CasesRepositoryModule], controllers: [PartiesController], providers: [PartiesService] })
export class PartiesModule {}
