import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CaseScoped } from '../common/case-scoped.decorator.js';
import { Roles } from '../common/roles.decorator.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { PartyDetailsDto } from './dto/party-details.dto.js';
import { PartyListResponse, PartyResponse } from './dto/party.responses.js';
import { PartiesService } from './parties.service.js';

const UUID = new ParseUUIDPipe({ version: '4' });

/** The parties' addresses, protection and custody: the secretary's only, every read audited. */
@ApiTags('parties')
@CaseScoped('caseId')
@Roles('secretary')
@Controller('cases/:caseId/parties')
export class PartiesController {
  constructor(private readonly parties: PartiesService) {}

  @Get()
  @Operation(
    'List the case’s parties with their addresses',
    'Every read is audited; the address of a party with protected identity is never shown.',
  )
  @ApiOkResponse({ type: PartyListResponse })
  @ApiErrors(400)
  list(@Param('caseId', UUID) caseId: string): Promise<PartyListResponse> {
    return this.parties.list(caseId);
  }

  @Put(':partyId')
  @Operation(
    'Change a party’s address, protection or (for a child) custody',
    'Fields left out keep their value; custody only for a child (422 `custodyOfChild`).',
  )
  @ApiOkResponse({ type: PartyResponse })
  @ApiErrors(400, 409, 422)
  update(
    @Param('caseId', UUID) caseId: string,
    @Param('partyId', UUID) partyId: string,
    @Body() dto: PartyDetailsDto,
  ): Promise<PartyResponse> {
    return this.parties.update(caseId, partyId, dto);
  }
}
