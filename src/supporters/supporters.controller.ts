import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../auth/rate-limit.guard.js';
import { Public, Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { ListSupportersQuery } from './dto/list-supporters.query.js';
import { SupporterAddressDto } from './dto/supporter-address.dto.js';
import { RegisterSupporterDto, SupporterProfileDto } from './dto/register-supporter.dto.js';
import { DecideSupporterDto, RecordVettingStepDto, SetCapacityDto } from './dto/vetting.dto.js';
import { InterestResponse, SupporterListResponse, SupporterResponse } from './dto/supporter.responses.js';
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
  @Operation(
    'Offer yourself as a contact supporter',
    'The e-service’s form, open without a token: at most 10 calls per 10 minutes from one address (429 after that).',
  )
  @ApiCreatedResponse({ type: InterestResponse })
  @ApiErrors(400)
  expressInterest(@Body() dto: SupporterProfileDto): Promise<InterestResponse> {
    return this.supporters.expressInterest(dto);
  }

  @Post()
  @Roles('secretary')
  @Operation(
    'Register a supporter the unit recruited directly',
    'Vetting and the administrator’s decision follow as for anyone who expressed interest.',
  )
  @ApiCreatedResponse({ type: SupporterResponse })
  @ApiErrors(400)
  register(@Body() dto: RegisterSupporterDto): Promise<SupporterResponse> {
    return this.supporters.register(dto);
  }

  @Get()
  @Roles('secretary', 'administrator')
  @Operation('List supporters, by status, language, area or free capacity')
  @ApiOkResponse({ type: SupporterListResponse })
  @ApiErrors(400)
  list(@Query() query: ListSupportersQuery): Promise<SupporterListResponse> {
    return this.supporters.list(query);
  }

  @Get(':id')
  @Roles('secretary', 'administrator')
  @Operation('Read a supporter: vetting, decision and free places')
  @ApiOkResponse({ type: SupporterResponse })
  @ApiErrors(400, 404)
  get(@Param('id', SUPPORTER_ID) id: string): Promise<SupporterResponse> {
    return this.supporters.get(id);
  }

  @Post(':id/vetting')
  @Roles('secretary')
  @HttpCode(200)
  @Operation(
    'Record a step of a supporter’s vetting',
    'The interview, the references, or one of the two register extracts (dated the day it was issued). A step is recorded once taken: a future date answers 422. A newer extract replaces an older one.',
  )
  @ApiOkResponse({ type: SupporterResponse })
  @ApiErrors(400, 404, 422)
  recordVettingStep(
    @Param('id', SUPPORTER_ID) id: string,
    @Body() dto: RecordVettingStepDto,
  ): Promise<SupporterResponse> {
    return this.supporters.recordVettingStep(id, dto);
  }

  @Post(':id/decision')
  @Roles('administrator')
  @HttpCode(200)
  @Operation(
    'Approve or reject a supporter',
    'Approval needs a complete vetting with register extracts younger than SUPPORTER_VETTING_VALID_MONTHS (422 `vettingComplete` naming what is missing); a rejection needs a `reason`.',
  )
  @ApiOkResponse({ type: SupporterResponse })
  @ApiErrors(400, 404, 422)
  decide(
    @Param('id', SUPPORTER_ID) id: string,
    @Body() dto: DecideSupporterDto,
    @CurrentActor() actor: Actor,
  ): Promise<SupporterResponse> {
    return this.supporters.decide(id, dto, actor);
  }

  @Put(':id/capacity')
  @Roles('secretary')
  @Operation('Set how many assignments a supporter takes on at once')
  @ApiOkResponse({ type: SupporterResponse })
  @ApiErrors(400, 404)
  setCapacity(@Param('id', SUPPORTER_ID) id: string, @Body() dto: SetCapacityDto): Promise<SupporterResponse> {
    return this.supporters.setCapacity(id, dto.capacity);
  }

  @Put(':id/address')
  @Roles('secretary')
  @Operation('Set the postal address the supporter’s letters are sent to', 'Sealed at rest; only letters open it.')
  @ApiOkResponse({ type: SupporterResponse })
  @ApiErrors(400, 404)
  setAddress(@Param('id', SUPPORTER_ID) id: string, @Body() dto: SupporterAddressDto): Promise<SupporterResponse> {
    return this.supporters.setAddress(id, dto);
  }
}
