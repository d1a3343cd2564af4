import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate, IsInstant } from '../../common/date-validators.js';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, type DocumentKind, type DocumentStatus } from '../document.entity.js';
import { GENERATED_LETTERS, type GeneratedLetter } from '../letters/routine-letters.js';

/** A multipart form sends one field for one recipient and repeats it for more. */
const asList = ({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value);

/** The facts every document record carries; an upload sends them as form fields beside the file. */
export class DocumentFactsDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) @IsIn(DOCUMENT_KINDS)
  kind!: DocumentKind;

  @ApiProperty({ example: 'Inskrivningsblankett, undertecknad' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2026-11-24' }) @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: 'Karin Lund' })
  @IsString() @IsNotEmpty() @MaxLength(120)
  author!: string;

  @ApiProperty({ example: ['Maria', 'Johan'] })
  @Transform(asList) @ArrayMaxSize(20)
  @IsArray()
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(120, { each: true })
  recipients!: string[];

  @ApiProperty({ enum: DOCUMENT_STATUSES }) @IsIn(DOCUMENT_STATUSES)
  status!: DocumentStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'The earlier document on the case that this one corrects' })
  @IsOptional() @IsUUID()
  corrects?: string;
}

export class GenerateLetterDto {
  @ApiProperty({ enum: GENERATED_LETTERS }) @IsIn(GENERATED_LETTERS)
  kind!: GeneratedLetter;

  @ApiPropertyOptional({ description: 'The evaluation’s text (required for the evaluation); paragraphs separated by a blank line' })
  @ValidateIf((o: GenerateLetterDto) => o.kind === 'evaluation' || o.text !== undefined)
  @IsString() @IsNotEmpty({ message: 'text must be given for the evaluation' }) @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional({ example: 'Familjerätten, Stationsgatan 12, Uppsala', description: 'Where the start-up meeting is held (summons)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  place?: string;

  @ApiPropertyOptional({ example: '2026-11-20T09:00:00+01:00', description: 'Summons: the resident parent’s individual meeting' })
  @IsOptional() @IsInstant()
  residentParentMeetingAt?: string;

  @ApiPropertyOptional({ example: '2026-11-20T10:30:00+01:00', description: 'Summons: the visiting parent’s individual meeting' })
  @IsOptional() @IsInstant()
  visitingParentMeetingAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The earlier letter this one replaces (only when one letter is written)' })
  @IsOptional() @IsUUID()
  corrects?: string;
}
