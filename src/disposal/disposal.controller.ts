import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { PagingQuery } from '../common/paging.dto.js';
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
  due() {
    return this.disposal.due();
  }

  @Post()
  @HttpCode(200)
  dispose(@Body() dto: DisposeDto, @CurrentActor() actor: Actor) {
    return this.disposal.dispose(dto.dryRun, actor);
  }

  /** What is kept of disposed cases: anonymous stubs for statistics. */
  @Get()
  statistics(@Query() paging: PagingQuery) {
    return this.disposal.statistics(paging.limit, paging.offset);
  }
}
