import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator.js';
import { RequestAudit } from '../audit/request-audit.service.js';
import { Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { compensationCsv } from './compensation-csv.js';
import { CompensationService } from './compensation.service.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CompensationQuery } from './dto/compensation.query.js';
import { CompensationResponse } from './dto/compensation.responses.js';

@ApiTags('compensation')
@Controller('compensation')
export class CompensationController {
  constructor(
    private readonly compensation: CompensationService,
    private readonly audit: RequestAudit,
  ) {}

  @Get()
  @Roles('secretary', 'supporter')
  @Operation(
    'Each supporter’s compensation for a month',
    'Visits held, stopped or not attended by the parent in the calendar month (Swedish time), their hours and the amount in SEK at the configured rates. A supporter gets only their own line.',
  )
  @ApiOkResponse({ type: CompensationResponse })
  @ApiErrors(400)
  @Audited<{ items: { supporterId: string }[] }>({
    shown: (page) => page.items.map((l) => ({ subject: `supporter:${l.supporterId}` })),
  })
  forMonth(@Query() query: CompensationQuery, @CurrentActor() actor: Actor): Promise<CompensationResponse> {
    // A supporter account without a supporter record ('') matches no line.
    const only = actor.role === 'supporter' ? (actor.supporterId ?? '') : undefined;
    return this.compensation.forMonth(query.month, only);
  }

  @Get('export')
  @Roles('secretary')
  @Operation(
    'Export a month’s compensation as CSV for the payroll office',
    'Semicolon-separated, decimal comma, UTF-8. Made once per month: it pays every visit that took place by the month’s end and that no earlier export paid (a visit logged after its month was exported is paid here, counted in its own column), and records what it paid; exporting the month again gives the same file.',
  )
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'One line per supporter', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Audited({ shownToldByHandler: true })
  async export(
    @Query() query: CompensationQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const items = await this.compensation.exportMonth(query.month, actor);
    this.audit.show(items.map((line) => ({ subject: `supporter:${line.supporterId}` })));
    res.setHeader('Content-Disposition', `attachment; filename="umgangesstod-ersattning-${query.month}.csv"`);
    return compensationCsv(items);
  }
}
