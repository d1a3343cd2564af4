import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { ClientEvent } from '../../machines/case-events.js';
import { AuditedAsReadWhen } from '../audit/request-facts.js';
import { Audited, AuditedByCommand } from '../audit/audited.decorator.js';
import { maySend, requireMaySend } from '../auth/case-event-rules.js';
import { CaseScoped, ReachCheckedByCommand, ReplacedSupporterMay } from '../common/case-scoped.decorator.js';
import { Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { IDEMPOTENCY_KEY_DOC, idempotencyKeyFrom } from '../common/idempotency-key.js';
import { etagOf, versionFromIfMatch } from '../common/if-match.js';
import { PagingQuery } from '../common/paging.dto.js';
import { normalizePersonnummer } from '../common/personnummer.js';
import { CountsEventOutcomes } from '../metrics/event-outcomes.interceptor.js';
import { CaseAnswers } from './case-answers.service.js';
import { CaseEventPipe } from './case-event.pipe.js';
import { CaseQueries } from './case-queries.service.js';
import { caseViewFor, type CaseView } from './case-view.js';
import { CASE_EVENT_DTOS } from './dto/case-event.dtos.js';
import {
  CASE_FOR_ROLE_SCHEMA,
  CaseForRoleModels,
  CaseListResponse,
  CaseResponse,
  CaseSearchResponse,
  DryRunResponse,
  EVENT_ANSWER_SCHEMA,
  HistoryResponse,
  type CaseForRole,
} from './dto/case.responses.js';
import { CaseStatesQuery, ListCasesQuery } from './dto/list-cases.query.js';
import { CaseStateTotalsResponse } from './dto/work-list.responses.js';
import { WorkList } from './work-list.service.js';
import { RegisterCaseDto } from './dto/register-case.dto.js';
import { SearchCasesDto } from './dto/search-cases.dto.js';
import { SendEventQuery } from './dto/send-event.query.js';

const EVENT_DTOS = Object.values(CASE_EVENT_DTOS);

/** The event body: one of the client events, told apart by `type`, so a generated client knows each one's fields. */
const EVENT_BODY_SCHEMA = {
  oneOf: EVENT_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })),
  discriminator: {
    propertyName: 'type',
    mapping: Object.fromEntries(Object.entries(CASE_EVENT_DTOS).map(([type, dto]) => [type, getSchemaPath(dto)])),
  },
};

const ETAG = {
  ETag: {
    description: 'The case version, `"<version>"`: send it back as If-Match',
    schema: { type: 'string' as const },
  },
};

type CasePage = { items: { id: string }[] };

/** A list of cases is filed in the audit trail one entry per case shown. */
const casesShown = (page: CasePage) => page.items.map((c) => ({ caseId: c.id }));

@ApiTags('cases')
@Roles('secretary')
@CaseScoped('id')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CaseAnswers,
    private readonly queries: CaseQueries,
    private readonly work: WorkList,
  ) {}

  @Post()
  @Operation(
    'Register a court judgment as a new case',
    'The case starts in `received`. A period longer than the municipality’s cap (PERIOD_CAP_MONTHS) is refused (422) unless `periodCapOverrideReason` confirms it; ' +
      'a second open case for the same court case is refused (409 with `existingCaseId`) unless `confirmDuplicateOf` names it.',
  )
  @ApiCreatedResponse({ type: CaseResponse, headers: ETAG })
  @ApiErrors(400, 409, 422)
  @AuditedByCommand()
  async register(
    @Body() dto: RegisterCaseDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseResponse> {
    return this.withEtag(res, await this.commands.register(dto, actor));
  }

  @Get()
  @Roles('secretary', 'administrator', 'supporter')
  @Operation(
    'List cases, optionally those in one state',
    'A supporter gets only the cases they are the appointed supporter on now (their assignments).',
  )
  @ApiOkResponse({ type: CaseListResponse })
  @ApiErrors(400)
  @Audited<CasePage>({ shown: casesShown })
  async list(@Query() query: ListCasesQuery, @CurrentActor() actor: Actor): Promise<CaseListResponse> {
    if (actor.role === 'supporter' && !actor.supporterId) return { items: [], total: 0, next: null };
    return this.queries.list(
      {
        state: query.state,
        responsibleSecretary: query.responsibleSecretary,
        ...(actor.role === 'supporter' ? { supporter: actor.supporterId } : {}),
      },
      query.limit,
      query.after ?? query.offset,
    );
  }

  // Declared before ':id', which would otherwise take "states" for a case id.
  @Get('states')
  @Operation(
    'Count the cases in each state',
    'States without cases are left out. With `responsibleSecretary`, only the cases that secretary answers for.',
  )
  @ApiOkResponse({ type: CaseStateTotalsResponse })
  @ApiErrors(400)
  states(@Query() query: CaseStatesQuery): Promise<CaseStateTotalsResponse> {
    return this.work.stateCounts(query.responsibleSecretary);
  }

  /** Finds cases by a party's personnummer or by text; either comes in the body, never the URL. */
  @Post('search')
  @HttpCode(200)
  @Operation(
    'Find cases by a party’s personnummer, or by court case number, diary number or name',
    'With `personnummer`, the cases that child or parent is party to; with `text`, the cases whose court case number or diary number is that text, ' +
      'or one of whose parties’ names contains it (at most 50, the newest first). Either travels in the body, never in the URL, where proxies and logs would keep it.',
  )
  @ApiOkResponse({ type: CaseSearchResponse })
  @ApiErrors(400)
  @Audited<CasePage>({ reads: true, shown: casesShown })
  search(@Body() dto: SearchCasesDto): Promise<CaseSearchResponse> {
    return dto.text !== undefined
      ? this.queries.findByText(dto.text)
      : this.queries.findByPersonnummer(normalizePersonnummer(dto.personnummer!));
  }

  @Get(':id')
  @Roles('secretary', 'supporter', 'administrator')
  @Operation(
    'Read a case as your role may see it',
    'The secretary sees everything (personnummer masked); the appointed supporter first names and visit times; the administrator where the case stands, without parties.',
  )
  @CaseForRoleModels()
  @ApiOkResponse({ schema: CASE_FOR_ROLE_SCHEMA, headers: ETAG })
  @ReplacedSupporterMay()
  async get(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseForRole> {
    return this.withEtag(res, caseViewFor(actor, await this.queries.get(id)));
  }

  @Get(':id/history')
  @Operation(
    'Read a case’s history, oldest first',
    'One entry per change: the event, the states before and after, when and by whom.',
  )
  @ApiOkResponse({ type: HistoryResponse })
  @ApiErrors(400)
  history(@Param('id') id: string, @Query() paging: PagingQuery): Promise<HistoryResponse> {
    return this.queries.history(id, paging.limit, paging.offset);
  }

  @Post(':id/events')
  @CountsEventOutcomes()
  @Roles('secretary', 'supporter', 'administrator')
  @HttpCode(200)
  @Operation(
    'Send an event that moves the case along its routine',
    'The body is one of the client events, chosen by `type`. An event the case’s state does not take answers 409 with `state` and `allowedEvents`; ' +
      'a broken business rule (say, a supporter who cannot be appointed) answers 422 naming `rule` and `field`. With `If-Match`, a case changed ' +
      'by someone else in the meantime answers 409 with `currentVersion` and nothing is written. A supporter may send only LOG_VISIT, the ' +
      'administrator only ARCHIVE (403 otherwise); MIDPOINT_REACHED, PERIOD_ENDED and VISIT_REPORT_FILED come only from the system (400).',
  )
  @ApiExtraModels(...EVENT_DTOS)
  @ApiBody({ schema: EVENT_BODY_SCHEMA })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The case version (its ETag) the event was decided on' })
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @CaseForRoleModels()
  @ApiExtraModels(DryRunResponse)
  @ApiOkResponse({ schema: EVENT_ANSWER_SCHEMA, headers: ETAG })
  @ApiErrors(400, 409, 422)
  @AuditedAsReadWhen('dryRun')
  @ReachCheckedByCommand()
  @AuditedByCommand()
  async sendEvent(
    @Param('id') id: string,
    @Body(CaseEventPipe) event: ClientEvent,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Query() query: SendEventQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseForRole | DryRunResponse> {
    requireMaySend(actor, event.type);
    const expectedVersion = versionFromIfMatch(ifMatch);
    const idempotencyKey = idempotencyKeyFrom(key);
    if (query.dryRun === 'true') {
      const answer = await this.commands.dryRun(id, event, actor, { expectedVersion });
      return { ...answer, allowedEvents: answer.allowedEvents.filter((type) => maySend(actor, type)) };
    }
    return this.withEtag(res, await this.commands.send(id, event, actor, { expectedVersion, idempotencyKey }));
  }

  private withEtag<V extends Pick<CaseView, 'version'>>(res: Response, view: V): V {
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
