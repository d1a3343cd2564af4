import { Body, Controller, Injectable, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CaseScoped } from '../common/case-scoped.decorator.js';
import { Roles } from '../common/roles.decorator.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { requireWritableCase } from './case-file.js';
import { CasesRepository } from './cases.repository.js';
import { ResponsibleSecretaryDto } from '../staff/dto/staff.dtos.js';
import { ResponsibleSecretaryResponse } from '../staff/dto/staff.responses.js';
import { StaffDirectory } from '../staff/staff-directory.js';

/**
 * Who answers for a case. Changing it is not an event of the case's routine (the machine and its
 * history replay know nothing of it): the case row's column changes and the audit trail keeps who
 * changed it when.
 */
@Injectable()
export class ResponsibleSecretaries {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: StaffDirectory,
    private readonly cases: CasesRepository,
  ) {}

  assign(caseId: string, secretaryId: string) {
    return this.transactions.run(async (manager) => {
      await requireWritableCase(manager, caseId);
      // Only someone with a profile can sign the case's letters.
      const profile = await this.directory.requireProfileOf(manager, secretaryId);
      await this.cases.setResponsibleSecretary(manager, caseId, secretaryId);
      return { caseId, responsibleSecretary: profile };
    });
  }
}

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
