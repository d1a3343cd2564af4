import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CASE_STATES } from '../../../machines/case-machine.js';
import { PagingQuery } from '../../common/paging.dto.js';

export class ListCasesQuery extends PagingQuery {
  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOptional()
  @IsIn(CASE_STATES, { message: `state must be one of: ${CASE_STATES.join(', ')}` })
  state?: string;

  @ApiPropertyOptional({
    description: 'The `next` of the previous page: the page after it (keyset paging, instead of offset)',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'after must be the next cursor of a previous page' })
  after?: string;
}
