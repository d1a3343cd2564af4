import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, Roles } from '../common/roles.decorator.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { sendPageAsset } from '../common/page-files.js';
import { StatisticsQuery } from './dto/statistics.query.js';
import { StatisticsResponse } from './dto/statistics.responses.js';
import { STATISTICS_ASSETS, type StatisticsAssets } from './statistics-assets.js';
import { statisticsCsv } from './statistics-csv.js';
import { StatisticsService } from './statistics.service.js';

/** The unit's figures for the committee: as JSON, as CSV, and as a page with charts. */
@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    @Inject(STATISTICS_ASSETS) private readonly files: StatisticsAssets,
  ) {}

  /** JSON, or CSV for `format=csv` or an Accept header that prefers text/csv. */
  @Get()
  @Roles('administrator', 'secretary')
  @Operation(
    'Read the unit’s figures for a period, as JSON or CSV',
    'CSV for `format=csv` or an Accept header that prefers text/csv. Counts of one to four are shown as "<5".',
  )
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(StatisticsResponse)
  @ApiOkResponse({
    description: 'The figures',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(StatisticsResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiErrors(400)
  async figures(
    @Query() query: StatisticsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StatisticsResponse | string> {
    const figures = await this.statistics.figures(query.from, query.to);
    const csv = query.format ? query.format === 'csv' : /^text\/csv\b/.test(accept ?? '');
    if (!csv) return figures;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="umgangesstod-statistik-${figures.period.from}-${figures.period.to}.csv"`,
    );
    return statisticsCsv(figures);
  }

  /** The page and its files are code, no data: open, so a browser loads them before it has a token. */
  @Get('page')
  @Public()
  @Operation(
    'The statistics page with charts (HTML)',
    'Code, no data: the page asks for the figures with the signed-in person’s token.',
  )
  @ApiOkResponse({ description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } })
  page(@Res() res: Response): void {
    res.sendFile(this.files.page);
  }

  @Get('assets/:file')
  @Public()
  @Operation('A file of the statistics page (script or style)')
  @ApiOkResponse({
    description: 'The file',
    content: { 'text/javascript': { schema: { type: 'string' } }, 'text/css': { schema: { type: 'string' } } },
  })
  @ApiErrors(404)
  asset(@Param('file') file: string, @Res() res: Response): void {
    sendPageAsset(res, this.files, file);
  }
}
