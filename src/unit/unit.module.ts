import { Module } from '@nestjs/common';
import { UnitController } from './unit.controller.js';
import { UnitDirectory } from './unit-directory.js';

/** The unit's own details (municipality, committee, address, phone): read by every letter. */
@Module({ controllers: [UnitController], providers: [UnitDirectory], exports: [UnitDirectory] })
export class UnitModule {}
