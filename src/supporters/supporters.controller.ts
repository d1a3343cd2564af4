import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../auth/rate-limit.js';
import { Public, Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { ListSupportersQuery } from './dto/list-supporters.query.js';
import { RegisterSupporterDto, SupporterProfileDto } from './dto/register-supporter.dto.js';
import { DecideSupporterDto, RecordVettingStepDto, SetCapacityDto } from './dto/vetting.dto.js';
import { SupportersService } from './supporters.service.js';

const SUPPORTER_ID = new ParseUUIDPipe({ version: '4' });

@ApiTags('supporters')
@Controller('supporters')
export class SupportersController {
  constructor(private readonly supporters: SupportersService) {}

  /** The e-service form anyone may send to offer themselves as a supporter. */
  @Post('interest')
  @Public()
  @RateLimited(10, 600)
  expressInterest(@Body() dto: SupporterProfileDto) {
    return this.supporters.expressInterest(dto);
  }

  @Post()
  @Roles('secretary')
  register(@Body() dto: RegisterSupporterDto) {
    return this.supporters.register(dto);
  }

  @Get()
  @Roles('secretary', 'administrator')
  list(@Query() query: ListSupportersQuery) {
    return this.supporters.list(query);
  }

  @Get(':id')
  @Roles('secretary', 'administrator')
  get(@Param('id', SUPPORTER_ID) id: string) {
    return this.supporters.get(id);
  }

  @Post(':id/vetting')
  @Roles('secretary')
  @HttpCode(200)
  recordVettingStep(@Param('id', SUPPORTER_ID) id: string, @Body() dto: RecordVettingStepDto) {
    return this.supporters.recordVettingStep(id, dto);
  }

  @Post(':id/decision')
  @Roles('administrator')
  @HttpCode(200)
  decide(@Param('id', SUPPORTER_ID) id: string, @Body() dto: DecideSupporterDto, @CurrentActor() actor: Actor) {
    return this.supporters.decide(id, dto, actor);
  }

  @Put(':id/capacity')
  @Roles('secretary')
  setCapacity(@Param('id', SUPPORTER_ID) id: string, @Body() dto: SetCapacityDto) {
    return this.supporters.setCapacity(id, dto.capacity);
  }
}
