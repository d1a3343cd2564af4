import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** A list's filter on the secretary who answers for the case: their token subject, as in `responsibleSecretaryId`. */
export function ResponsibleSecretaryFilter(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example: 'anna',
      description: 'Only the cases this secretary answers for (their token subject, `responsibleSecretaryId`)',
    }),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
    MaxLength(120),
  );
}
