import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator.js';
import { CaseScoped, ReplacedSupporterMay } from '../common/case-scoped.decorator.js';
import { Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { IDEMPOTENCY_KEY_DOC, idempotencyKeyFrom } from '../common/idempotency-key.js';
import { PagingQuery } from '../common/paging.dto.js';
import type { IncomingFile } from '../documents/checked-upload.js';
import { PlanVisitDto, ScannedReportDto, TextReportDto, WaiveReportDto } from './dto/visit.dtos.js';
import {
  MissingReportListResponse,
  ReportWaiverResponse,
  VisitOverviewResponse,
  VisitPlanResponse,
  VisitReportListResponse,
  VisitReportResponse,
} from './dto/visit.responses.js';
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
  @Operation(
    'Plan a visit',
    'With the supporter appointed on the case unless `supporterId` names another. Its outcome is logged later with LOG_VISIT and `visitPlanId`.',
  )
  @ApiCreatedResponse({ type: VisitPlanResponse })
  @ApiErrors(400, 409, 422)
  plan(
    @Param('caseId', UUID) caseId: string,
    @Body() dto: PlanVisitDto,
    @CurrentActor() actor: Actor,
  ): Promise<VisitPlanResponse> {
    return this.visits.plan(caseId, dto, actor);
  }

  @Get('cases/:caseId/visits')
  @CaseScoped('caseId')
  @Roles('secretary')
  @Operation('List a case’s planned and logged visits, each with its reports and whether one is missing')
  @ApiOkResponse({ type: VisitOverviewResponse })
  @ApiErrors(400)
  overview(@Param('caseId', UUID) caseId: string): Promise<VisitOverviewResponse> {
    return this.visits.overview(caseId);
  }

  @Get('cases/:caseId/visits/:visitId/reports')
  @CaseScoped('caseId')
  @ReplacedSupporterMay()
  @Roles('secretary', 'supporter')
  @Operation(
    'List the reports on a visit, oldest first',
    'A supporter sees only the visits they were the supporter on.',
  )
  @ApiOkResponse({ type: VisitReportListResponse })
  @ApiErrors(400)
  listReports(
    @Param('caseId', UUID) caseId: string,
    @Param('visitId', UUID) visitId: string,
    @CurrentActor() actor: Actor,
  ): Promise<VisitReportListResponse> {
    return this.reports.list(caseId, visitId, actor);
  }

  /** The supporter's own report on a visit they attended (or the secretary typing one in). */
  @Post('cases/:caseId/visits/:visitId/reports')
  @CaseScoped('caseId')
  @ReplacedSupporterMay()
  @Roles('supporter', 'secretary')
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @Operation(
    'File a report on a visit',
    'Never edited: a correction is a new report with `corrects`. The first report on a held or stopped visit records VISIT_REPORT_FILED in the case’s history and resolves its reminder; a visit that was cancelled or not attended may have a short report too.',
  )
  @ApiCreatedResponse({ type: VisitReportResponse })
  @ApiErrors(400, 409, 422)
  fileText(
    @Param('caseId', UUID) caseId: string,
    @Param('visitId', UUID) visitId: string,
    @Body() dto: TextReportDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<VisitReportResponse> {
    return this.reports.fileText(caseId, visitId, dto, actor, idempotencyKeyFrom(key));
  }

  /** A paper report, scanned by the secretary or photographed with the supporter's phone (PDF or image). */
  @Post('cases/:caseId/visits/:visitId/reports/scans')
  @CaseScoped('caseId')
  @ReplacedSupporterMay()
  @Roles('supporter', 'secretary')
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @UseInterceptors(FileInterceptor('file'))
  @Operation(
    'File a scanned paper report on a visit',
    'Multipart: the PDF or image in the part `file`, `author` and `corrects` as form fields. The secretary files the scan of a paper form; the supporter appointed to the case may file a photo or scan of their own form on a visit they held, as with a typed report.',
  )
  @ApiConsumes('multipart/form-data')
  @ApiExtraModels(ScannedReportDto)
  @ApiBody({
    schema: {
      allOf: [
        { $ref: getSchemaPath(ScannedReportDto) },
        { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
      ],
    },
  })
  @ApiCreatedResponse({ type: VisitReportResponse })
  @ApiErrors(400, 409, 413, 422)
  fileScan(
    @Param('caseId', UUID) caseId: string,
    @Param('visitId', UUID) visitId: string,
    @UploadedFile() file: IncomingFile | undefined,
    @Body() dto: ScannedReportDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<VisitReportResponse> {
    return this.reports.fileScan(caseId, visitId, file, dto, actor, idempotencyKeyFrom(key));
  }

  @Post('cases/:caseId/visits/:visitId/report-waiver')
  @CaseScoped('caseId')
  @Roles('secretary')
  @Operation(
    'Record why a held visit’s report will never come',
    'The case stops waiting for it (ARCHIVE is refused while a held visit lacks its report), the reason stays in the history, and the reminder’s alert ends as `waived`.',
  )
  @ApiCreatedResponse({ type: ReportWaiverResponse })
  @ApiErrors(400, 409, 422)
  waiveReport(
    @Param('caseId', UUID) caseId: string,
    @Param('visitId', UUID) visitId: string,
    @Body() dto: WaiveReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReportWaiverResponse> {
    return this.reports.waive(caseId, visitId, dto, actor);
  }

  /** Held or stopped visits still without a report, across all open cases. */
  @Get('visits/missing-reports')
  @Roles('secretary')
  @Operation('List held or stopped visits still without a report, across all open cases, oldest first')
  @ApiOkResponse({ type: MissingReportListResponse })
  @ApiErrors(400)
  @Audited<{ items: { caseId: string; visitId: string }[] }>({
    shown: (page) => page.items.map((v) => ({ caseId: v.caseId, subject: `visit:${v.visitId}` })),
  })
  missingReports(@Query() paging: PagingQuery): Promise<MissingReportListResponse> {
    return this.reports.missing(paging.limit, paging.offset);
  }
}
