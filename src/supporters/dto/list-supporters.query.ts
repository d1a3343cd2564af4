import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PagingQuery } from '../../common/paging.dto.js';
import { SUPPORTER_STATUSES, type SupporterStatus } from '../supporter.entity.js';

export class ListSupportersQuery extends PagingQuery {
  @ApiPropertyOptional({ enum: SUPPORTER_STATUSES })
  @IsOptional()
  @IsIn(SUPPORTER_STATUSES)
  status?: SupporterStatus;

  @ApiPropertyOptional({ example: 'arabiska' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  language?: string;

  @ApiPropertyOptional({ example: 'Uppsala centrum', description: 'Matched without regard to case' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  area?: string;

  @ApiPropertyOptional({ description: 'Only supporters who can take on another assignment now' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'hasFreeCapacity must be true or false' })
  hasFreeCapacity?: boolean;

  @ApiPropertyOptional({
    example: 60,
    minimum: 0,
    maximum: 366,
    description: 'Only supporters whose register extracts stop being valid within this many days, or already have',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  vettingExpiresWithinDays?: number;
}
