import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/date-validators.js';

export class StatisticsQuery {
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'First day counted, Swedish time; defaults to 1 January this year',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day counted, Swedish time; defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Overrides the Accept header' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
