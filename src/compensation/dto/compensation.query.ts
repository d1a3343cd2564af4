import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class CompensationQuery {
  @ApiProperty({ example: '2026-12', description: 'The calendar month, Swedish time' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month in the form YYYY-MM' })
  month!: string;
}
