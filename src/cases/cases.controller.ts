import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ClientEvent } from '../../machines/case-events.js';
import { AuditedAsReadWhen } from '../audit/request-facts.js';
import { Audited } from '../audit/audited.decorator.js';
import { maySend, requireMaySend } from '../auth/case-event-rules.js';
import { CaseScoped, ReplacedSupporterMay } from '../auth/case-scoped.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { etagOf, versionFromIfMatch } from '../common/if-match.js';
import { PagingQuery } from '../common/paging.dto.js';
import { normalizePersonnummer } from '../common/personnummer.js';
import { CountsEventOutcomes } from '../metrics/event-outcomes.js';
import { CaseCommands } from './case-commands.service.js';
import { CaseEventPipe } from './case-event.pipe.js';
import { CaseQueries } from './case-queries.service.js';
import { caseViewFor, type CaseView } from './case-view.js';
import { CASE_EVENT_DTOS } from './dto/case-event.dtos.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { RegisterCaseDto } from './dto/register-case.dto.js';
import { SearchCasesDto } from './dto/search-cases.dto.js';
import { SendEventQuery } from './dto/send-event.query.js';

const EVENT_DTOS = Object.values(CASE_EVENT_DTOS);

@ApiTags('cases')
@Roles('secretary')
@CaseScoped('id')
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
  @Roles('secretary', 'administrator')
  list(@Query() query: ListCasesQuery) {
    return this.queries.list({ state: query.state }, query.limit, query.after ?? query.offset);
  }

  /** Finds the cases a child or parent is party to; the personnummer comes in the body, never the URL. */
  @Post('search')
  @HttpCode(200)
  @Audited<{ items: { id: string }[] }>({ reads: true, shown: (page) => page.items.map((c) => ({ caseId: c.id })) })
  search(@Body() dto: SearchCasesDto) {
    return this.queries.findByPersonnummer(normalizePersonnummer(dto.personnummer));
  }

  @Get(':id')
  @Roles('secretary', 'supporter', 'administrator')
  @ReplacedSupporterMay()
  async get(@Param('id') id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return this.withEtag(res, caseViewFor(actor, await this.queries.get(id)));
  }

  @Get(':id/history')
  history(@Param('id') id: string, @Query() paging: PagingQuery) {
    return this.queries.history(id, paging.limit, paging.offset);
  }

  @Post(':id/events')
  @CountsEventOutcomes()
  @Roles('secretary', 'supporter', 'administrator')
  @HttpCode(200)
  @ApiExtraModels(...EVENT_DTOS)
  @ApiBody({ schema: { oneOf: EVENT_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })) } })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The case version (its ETag) the event was decided on' })
  @AuditedAsReadWhen('dryRun')
  async sendEvent(
    @Param('id') id: string,
    @Body(CaseEventPipe) event: ClientEvent,
    @Headers('if-match') ifMatch: string | undefined,
    @Query() query: SendEventQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    requireMaySend(actor, event.type);
    const expectedVersion = versionFromIfMatch(ifMatch);
    if (query.dryRun === 'true') {
      const answer = await this.commands.dryRun(id, event, actor, { expectedVersion });
      return { ...answer, allowedEvents: answer.allowedEvents.filter((type) => maySend(actor, type)) };
    }
    return this.withEtag(res, caseViewFor(actor, await this.commands.applyAndView(id, event, actor, { expectedVersion })));
  }

  private withEtag<V extends Pick<CaseView, 'version'>>(res: Response, view: V): V {
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
