import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { PagingQuery } from '../common/paging.dto.js';
import {
  DisposalDoneResponse,
  DisposalPreviewResponse,
  DisposedCaseListResponse,
  DueCaseListResponse,
} from './dto/disposal.responses.js';
import { DisposeDto } from './dto/dispose.dto.js';
import { DisposalService } from './disposal.service.js';

/** Disposal (gallring) of archived case files past their disposal date: the administrator's. */
@ApiTags('disposal')
@Roles('administrator')
@Controller('disposals')
export class DisposalController {
  constructor(private readonly disposal: DisposalService) {}

  /** Cases whose disposal date has passed. */
  @Get('due')
  @Operation('List the archived cases whose disposal date has passed')
  @ApiOkResponse({ type: DueCaseListResponse })
  due(): Promise<DueCaseListResponse> {
    return this.disposal.due();
  }

  @Post()
  @HttpCode(200)
  @Operation(
    'Dispose of (gallra) every case past its disposal date',
    'With `dryRun: true`, lists what would go and removes nothing; otherwise answers the stubs kept of the cases removed.',
  )
  @ApiExtraModels(DisposalPreviewResponse, DisposalDoneResponse)
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(DisposalPreviewResponse) }, { $ref: getSchemaPath(DisposalDoneResponse) }],
    },
  })
  @ApiErrors(400)
  dispose(
    @Body() dto: DisposeDto,
    @CurrentActor() actor: Actor,
  ): Promise<DisposalPreviewResponse | DisposalDoneResponse> {
    return this.disposal.dispose(dto.dryRun, actor);
  }

  /** What is kept of disposed cases: anonymous stubs for statistics. */
  @Get()
  @Operation('List what is kept of disposed cases: anonymous stubs for statistics')
  @ApiOkResponse({ type: DisposedCaseListResponse })
  @ApiErrors(400)
  statistics(@Query() paging: PagingQuery): Promise<DisposedCaseListResponse> {
    return this.disposal.statistics(paging.limit, paging.offset);
  }
}
