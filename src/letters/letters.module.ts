import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { StaffModule } from '../organisation/staff.module.js';
import { UnitModule } from '../organisation/unit.module.js';
import { LettersController } from './letters.controller.js';
import { LettersService } from './letters.service.js';

@Module({
  imports: [DocumentsModule, StaffModule, UnitModule],
  controllers: [LettersController],
  providers: [LettersService],
})
export class LettersModule {}
