import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { StaffMemberParams, StaffProfileDto } from './dto/staff.dtos.js';
import { StaffListResponse, StaffProfileResponse } from './dto/staff.responses.js';
import { StaffDirectory } from './staff-directory.service.js';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly directory: StaffDirectory) {}

  @Get()
  @Roles('secretary', 'administrator')
  @Operation('List the staff profiles', 'Everyone who has written a profile, by name: who a case can be handed to.')
  @ApiOkResponse({ type: StaffListResponse })
  async list(): Promise<StaffListResponse> {
    return { items: await this.directory.list() };
  }

  @Get('me')
  @Roles('secretary', 'administrator')
  @Operation(
    'Read your own staff profile',
    'The name, title, phone and e-mail your letters are signed with; 404 until you write it.',
  )
  @ApiOkResponse({ type: StaffProfileResponse })
  @ApiErrors(404)
  mine(@CurrentActor() actor: Actor): Promise<StaffProfileResponse> {
    return this.directory.mine(actor.id);
  }

  @Put('me')
  @Roles('secretary', 'administrator')
  @Operation(
    'Write your own staff profile',
    'Replaces it whole; a case’s letters need its responsible secretary’s profile.',
  )
  @ApiOkResponse({ type: StaffProfileResponse })
  @ApiErrors(400)
  write(@Body() dto: StaffProfileDto, @CurrentActor() actor: Actor): Promise<StaffProfileResponse> {
    return this.directory.write(actor.id, dto);
  }

  // Declared after 'me', which would otherwise be taken for a username.
  @Put(':id')
  @Roles('administrator')
  @Operation(
    'Write a staff member’s profile',
    'The administrator keeps the unit’s staff profiles (`id`: the username, the token subject); replaces it whole, or creates it. Filed in the audit trail as `staff:<id>`.',
  )
  @ApiOkResponse({ type: StaffProfileResponse })
  @ApiErrors(400)
  writeFor(@Param() { id }: StaffMemberParams, @Body() dto: StaffProfileDto): Promise<StaffProfileResponse> {
    return this.directory.write(id, dto);
  }
}
