import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CASE_STATES } from '../../../machines/case-machine.js';
import { PagingQuery } from '../../common/paging.dto.js';

export class ListCasesQuery extends PagingQuery {
  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOptional()
  @IsIn(CASE_STATES, { message: `state must be one of: ${CASE_STATES.join(', ')}` })
  state?: string;
}
