import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { UnitDetailsDto } from './dto/unit-details.dto.js';
import { UnitResponse } from './dto/unit.responses.js';
import { UnitDirectory } from './unit-directory.service.js';

@ApiTags('unit')
@Controller('unit')
export class UnitController {
  constructor(private readonly unit: UnitDirectory) {}

  @Get()
  @Roles('secretary', 'administrator')
  @Operation('Read the unit’s details printed on its letters')
  @ApiOkResponse({ type: UnitResponse })
  get(): Promise<UnitResponse> {
    return this.unit.get();
  }

  @Put()
  @Roles('administrator')
  @Operation(
    'Fill in or change the unit’s details',
    'Fields left out keep their value; letters are refused (422) until every field is there.',
  )
  @ApiOkResponse({ type: UnitResponse })
  @ApiErrors(400)
  write(@Body() dto: UnitDetailsDto, @CurrentActor() actor: Actor): Promise<UnitResponse> {
    return this.unit.write(dto, actor);
  }
}
