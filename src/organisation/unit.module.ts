import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitController } from './unit.controller.js';
import { UnitRepository } from './unit.repository.js';
import { UnitDirectory } from './unit-directory.service.js';
import { UnitDetails } from './unit-details.entity.js';

/** The unit's own details (municipality, committee, address, phone): read by every letter. */
@Module({
  imports: [TypeOrmModule.forFeature([UnitDetails])],
  controllers: [UnitController],
  providers: [UnitDirectory, UnitRepository],
  exports: [UnitDirectory],
})
export class UnitModule {}
