import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator.js';
import { CaseScoped, ReplacedSupporterMay } from '../auth/case-scoped.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { PagingQuery } from '../common/paging.dto.js';
import type { IncomingFile } from '../documents/checked-upload.js';
import { PlanVisitDto, ScannedReportDto, TextReportDto } from './dto/visit.dtos.js';
import { VisitReportsService } from './visit-reports.service.js';
import { VisitsService } from './visits.service.js';

const UUID = new ParseUUIDPipe({ version: '4' });

/**
 * Planned visits and the reports after them. A visit's outcome is logged with the LOG_VISIT event
 * (POST /cases/:id/events, with visitPlanId for a planned one); reports are never changed, only corrected.
 */
@ApiTags('visits')
@Controller()
export class VisitsController {
  constructor(
    private readonly visits: VisitsService,
    private readonly reports: VisitReportsService,
  ) {}

  @Post('cases/:caseId/visit-plans')
  @CaseScoped('caseId')
  @Roles('secretary')
  plan(@Param('caseId', UUID) caseId: string, @Body() dto: PlanVisitDto, @CurrentActor() actor: Actor) {
    return this.visits.plan(caseId, dto, actor);
  }

  @Get('cases/:caseId/visits')
  @CaseScoped('caseId')
  @Roles('secretary')
  overview(@Param('caseId', UUID) caseId: string) {
    return this.visits.overview(caseId);
  }

  @Get('cases/:caseId/visits/:visitId/reports')
  @CaseScoped('caseId')
  @ReplacedSupporterMay()
  @Roles('secretary', 'supporter')
  listReports(@Param('caseId', UUID) caseId: string, @Param('visitId', UUID) visitId: string, @CurrentActor() actor: Actor) {
    return this.reports.list(caseId, visitId, actor);
  }

  /** The supporter's own report on a visit they attended (or the secretary typing one in). */
  @Post('cases/:caseId/visits/:visitId/reports')
  @CaseScoped('caseId')
  @ReplacedSupporterMay()
  @Roles('supporter', 'secretary')
  fileText(
    @Param('caseId', UUID) caseId: string,
    @Param('visitId', UUID) visitId: string,
    @Body() dto: TextReportDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.reports.fileText(caseId, visitId, dto, actor);
  }

  /** A paper report, scanned by the secretary (PDF or image). */
  @Post('cases/:caseId/visits/:visitId/reports/scans')
  @CaseScoped('caseId')
  @Roles('secretary')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  fileScan(
    @Param('caseId', UUID) caseId: string,
    @Param('visitId', UUID) visitId: string,
    @UploadedFile() file: IncomingFile | undefined,
    @Body() dto: ScannedReportDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.reports.fileScan(caseId, visitId, file, dto, actor);
  }

  /** Held or stopped visits still without a report, across all open cases. */
  @Get('visits/missing-reports')
  @Roles('secretary')
  @Audited<{ items: { caseId: string; visitId: string }[] }>({
    shown: (page) => page.items.map((v) => ({ caseId: v.caseId, subject: `visit:${v.visitId}` })),
  })
  missingReports(@Query() paging: PagingQuery) {
    return this.reports.missing(paging.limit, paging.offset);
  }
}
