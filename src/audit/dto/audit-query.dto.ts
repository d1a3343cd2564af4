import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/date-validators.js';
import { PagingQuery } from '../../common/paging.dto.js';

export class AuditQuery extends PagingQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'caseId must be a case id (UUID)' })
  caseId?: string;

  @ApiPropertyOptional({ description: 'The user (token subject) who acted' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  userId?: string;

  @ApiPropertyOptional({ description: 'Entries at or after this time', example: '2026-11-01T00:00:00+01:00' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Entries at or before this time', example: '2026-12-01T00:00:00+01:00' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({
    enum: ['oldest', 'newest'],
    default: 'oldest',
    description: 'Which end of the trail comes first: `newest` for the latest entries',
  })
  @IsOptional()
  @IsIn(['oldest', 'newest'], { message: 'order must be one of: oldest, newest' })
  order?: 'oldest' | 'newest';
}
