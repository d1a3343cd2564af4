import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/date-validators.js';

export class PlanVisitDto {
  @ApiProperty({ example: '2026-12-05T10:00:00+01:00' })
  @IsInstant()
  plannedFor!: string;

  @ApiProperty({ example: 'Familjerättens besöksrum, Stationsgatan 12' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the supporter appointed on the case' })
  @IsOptional()
  @IsUUID()
  supporterId?: string;
}

export class TextReportDto {
  @ApiProperty({ example: 'Umgänget började i tid. Alva och pappan lekte i parken …' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  text!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The earlier report on this visit that this entry corrects' })
  @IsOptional()
  @IsUUID()
  corrects?: string;
}

/** Why a held visit's report will never come. */
export class WaiveReportDto {
  @ApiProperty({ example: 'Umgängesstödjaren har slutat och rapporten går inte att få in' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

/** The form fields beside a scanned report. */
export class ScannedReportDto {
  @ApiPropertyOptional({
    example: 'Karin Lund',
    description: 'Who wrote the paper report; defaults to the one filing it',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  author?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The earlier report on this visit that this entry corrects' })
  @IsOptional()
  @IsUUID()
  corrects?: string;
}
