import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { Roles } from '../common/roles.decorator.js';
import { ListDeadlinesQuery } from './dto/list-deadlines.query.js';
import { DeadlineListResponse } from './dto/work-list.responses.js';
import { WorkList } from './work-list.service.js';

@ApiTags('deadlines')
@Roles('secretary')
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly work: WorkList) {}

  @Get()
  @Operation(
    'List pending deadlines across cases, the earliest due first',
    'Overdue ones lead. With `responsibleSecretary`, only the cases that secretary answers for.',
  )
  @ApiOkResponse({ type: DeadlineListResponse })
  @ApiErrors(400)
  list(@Query() query: ListDeadlinesQuery): Promise<DeadlineListResponse> {
    return this.work.pendingDeadlines(query.responsibleSecretary, query.limit);
  }
}
