import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CASE_STATES } from '../../../machines/case-machine.js';
import { PagingQuery } from '../../common/paging.dto.js';
import { ResponsibleSecretaryFilter } from '../../common/responsible-secretary.query.js';

export class ListCasesQuery extends PagingQuery {
  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOptional()
  @IsIn(CASE_STATES, { message: `state must be one of: ${CASE_STATES.join(', ')}` })
  state?: string;

  @ResponsibleSecretaryFilter()
  responsibleSecretary?: string;

  @ApiPropertyOptional({
    description: 'The `next` of the previous page: the page after it (keyset paging, instead of offset)',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'after must be the next cursor of a previous page' })
  after?: string;
}

/** The filter of GET /cases/states: the counts of one secretary's cases, or of all. */
export class CaseStatesQuery {
  @ResponsibleSecretaryFilter()
  responsibleSecretary?: string;
}
