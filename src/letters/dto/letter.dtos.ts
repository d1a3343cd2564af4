import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsInstant } from '../../common/date-validators.js';
import { GENERATED_LETTERS, type GeneratedLetter } from '../routine-letters.js';

export class GenerateLetterDto {
  @ApiProperty({ enum: GENERATED_LETTERS })
  @IsIn(GENERATED_LETTERS)
  kind!: GeneratedLetter;

  @ApiPropertyOptional({
    description:
      'The evaluation’s assessment (required for the evaluation), or the court notice’s addition; paragraphs separated by a blank line',
  })
  @ValidateIf((o: GenerateLetterDto) => o.kind === 'evaluation' || o.text !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional({
    example: 'Familjerätten, Stationsgatan 12, Uppsala',
    description: 'Where the meeting is held (summons); a booked follow-up or closing meeting’s own place otherwise',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place?: string;

  @ApiPropertyOptional({
    example: '2026-11-20T09:00:00+01:00',
    description: 'Summons: the resident parent’s individual meeting',
  })
  @IsOptional()
  @IsInstant()
  residentParentMeetingAt?: string;

  @ApiPropertyOptional({
    example: '2026-11-20T10:30:00+01:00',
    description: 'Summons: the visiting parent’s individual meeting',
  })
  @IsOptional()
  @IsInstant()
  visitingParentMeetingAt?: string;

  @ApiPropertyOptional({
    example: 'Familjerätten, Stationsgatan 12, Uppsala',
    description: 'Where the resident parent’s own meeting is held, where meetings are kept apart',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  residentParentPlace?: string;

  @ApiPropertyOptional({
    example: 'Familjerätten, Kungsgatan 3, Uppsala',
    description: 'Where the visiting parent’s own meeting is held, where meetings are kept apart',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  visitingParentPlace?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The earlier letter this one replaces (only when one letter is written)',
  })
  @IsOptional()
  @IsUUID()
  corrects?: string;
}
