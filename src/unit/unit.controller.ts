import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { UnitDetailsDto } from './dto/unit-details.dto.js';
import { UnitDirectory } from './unit-directory.js';

@ApiTags('unit')
@Controller('unit')
export class UnitController {
  constructor(private readonly unit: UnitDirectory) {}

  @Get()
  @Roles('secretary', 'administrator')
  get() {
    return this.unit.get();
  }

  @Put()
  @Roles('administrator')
  write(@Body() dto: UnitDetailsDto, @CurrentActor() actor: Actor) {
    return this.unit.write(dto, actor);
  }
}
