import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ResponsibleSecretaries } from '../cases/responsible-secretaries.service.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CaseScoped } from '../common/case-scoped.decorator.js';
import { Roles } from '../common/roles.decorator.js';
import { ResponsibleSecretaryDto } from '../organisation/dto/staff.dtos.js';
import { ResponsibleSecretaryResponse } from '../organisation/dto/staff.responses.js';

@ApiTags('cases')
@Controller('cases')
export class ResponsibleSecretaryController {
  constructor(private readonly responsible: ResponsibleSecretaries) {}

  /** Hands the case to another secretary; the audit trail records who did it (the route is case-scoped). */
  @Put(':id/responsible-secretary')
  @CaseScoped('id')
  @Roles('secretary')
  @Operation(
    'Hand the case to another secretary',
    'The secretary must have a staff profile (422 `caseworkerProfile`); not on an archived case (409).',
  )
  @ApiOkResponse({ type: ResponsibleSecretaryResponse })
  @ApiErrors(400, 409, 422)
  assign(
    @Param('id', new ParseUUIDPipe({ version: '4' })) caseId: string,
    @Body() dto: ResponsibleSecretaryDto,
  ): Promise<ResponsibleSecretaryResponse> {
    return this.responsible.assign(caseId, dto.secretaryId);
  }
}
