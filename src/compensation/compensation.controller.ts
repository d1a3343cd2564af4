import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { compensationCsv } from './compensation-csv.js';
import { CompensationService } from './compensation.service.js';
import { CompensationQuery } from './dto/compensation.query.js';

@ApiTags('compensation')
@Controller('compensation')
export class CompensationController {
  constructor(private readonly compensation: CompensationService) {}

  @Get()
  @Roles('secretary')
  @Audited<{ items: { supporterId: string }[] }>({ shown: (page) => page.items.map((l) => ({ subject: `supporter:${l.supporterId}` })) })
  forMonth(@Query() query: CompensationQuery) {
    return this.compensation.forMonth(query.month);
  }

  @Get('export')
  @Roles('secretary')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async export(@Query() query: CompensationQuery, @Res({ passthrough: true }) res: Response) {
    const { items } = await this.compensation.forMonth(query.month);
    res.setHeader('Content-Disposition', `attachment; filename="umgangesstod-ersattning-${query.month}.csv"`);
    return compensationCsv(items);
  }
}
