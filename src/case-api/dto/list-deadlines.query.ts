import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ResponsibleSecretaryFilter } from '../../common/responsible-secretary.query.js';

export class ListDeadlinesQuery {
  @ResponsibleSecretaryFilter()
  responsibleSecretary?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}
