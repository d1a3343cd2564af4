import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ClientEvent } from '../../machines/case-events.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { etagOf, versionFromIfMatch } from '../common/if-match.js';
import { PagingQuery } from '../common/paging.dto.js';
import { CaseCommands } from './case-commands.service.js';
import { CaseEventPipe } from './case-event.pipe.js';
import { CaseQueries } from './case-queries.service.js';
import type { CaseView } from './case-view.js';
import { CASE_EVENT_DTOS } from './dto/case-event.dtos.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { RegisterCaseDto } from './dto/register-case.dto.js';

const EVENT_DTOS = Object.values(CASE_EVENT_DTOS);

@ApiTags('cases')
@Roles('secretary')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
  ) {}

  @Post()
  async register(@Body() dto: RegisterCaseDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const record = await this.commands.register(dto, actor);
    return this.withEtag(res, await this.queries.get(record.id));
  }

  @Get()
  list(@Query() query: ListCasesQuery) {
    return this.queries.list({ state: query.state }, query.limit, query.offset);
  }

  @Get(':id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    return this.withEtag(res, await this.queries.get(id));
  }

  @Get(':id/history')
  history(@Param('id') id: string, @Query() paging: PagingQuery) {
    return this.queries.history(id, paging.limit, paging.offset);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiExtraModels(...EVENT_DTOS)
  @ApiBody({ schema: { oneOf: EVENT_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })) } })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The case version (its ETag) the event was decided on' })
  async sendEvent(
    @Param('id') id: string,
    @Body(CaseEventPipe) event: ClientEvent,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expectedVersion = versionFromIfMatch(ifMatch);
    await this.commands.apply(id, event, actor, { expectedVersion });
    return this.withEtag(res, await this.queries.get(id));
  }

  private withEtag(res: Response, view: CaseView): CaseView {
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
