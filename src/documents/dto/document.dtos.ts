import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/date-validators.js';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, type DocumentKind, type DocumentStatus } from '../document.entity.js';

/** A multipart form sends one field for one recipient and repeats it for more. */
const asList = ({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value);

/** The facts every document record carries; an upload sends them as form fields beside the file. */
export class DocumentFactsDto {
  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind!: DocumentKind;

  @ApiProperty({ example: 'Inskrivningsblankett, undertecknad' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2026-11-24' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: 'Karin Lund' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  author!: string;

  @ApiProperty({ example: ['Maria', 'Johan'] })
  @Transform(asList)
  @ArrayMaxSize(20)
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(120, { each: true })
  recipients!: string[];

  @ApiProperty({ enum: DOCUMENT_STATUSES })
  @IsIn(DOCUMENT_STATUSES)
  status!: DocumentStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'The earlier document on the case that this one corrects' })
  @IsOptional()
  @IsUUID()
  corrects?: string;
}
