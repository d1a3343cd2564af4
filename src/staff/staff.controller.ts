import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { StaffProfileDto } from './dto/staff.dtos.js';
import { StaffDirectory } from './staff-directory.js';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly directory: StaffDirectory) {}

  @Get('me')
  @Roles('secretary', 'administrator')
  mine(@CurrentActor() actor: Actor) {
    return this.directory.mine(actor.id);
  }

  @Put('me')
  @Roles('secretary', 'administrator')
  write(@Body() dto: StaffProfileDto, @CurrentActor() actor: Actor) {
    return this.directory.write(actor.id, dto);
  }
}
