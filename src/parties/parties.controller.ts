import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseScoped } from '../auth/case-scoped.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PartyDetailsDto } from './dto/party-details.dto.js';
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
  list(@Param('caseId', UUID) caseId: string) {
    return this.parties.list(caseId);
  }

  @Put(':partyId')
  update(@Param('caseId', UUID) caseId: string, @Param('partyId', UUID) partyId: string, @Body() dto: PartyDetailsDto) {
    return this.parties.update(caseId, partyId, dto);
  }
}
