import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsInstant } from '../../common/date-validators.js';

export class GiveConsentDto {
  @ApiProperty({ example: '2026-11-24' }) @IsCalendarDate()
  givenOn!: string;

  @ApiProperty({ description: 'Whether the consent was given at the start-up meeting (or later)' }) @IsBoolean()
  atStartupMeeting!: boolean;
}

export class BookInterviewDto {
  @ApiProperty({ example: '2026-12-02T15:00:00+01:00' }) @IsInstant()
  bookedFor!: string;
}

export class HoldInterviewDto {
  @ApiProperty({ example: '2026-12-02T15:00:00+01:00' }) @IsInstant()
  heldAt!: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20000)
  notes!: string;
}

export class DeclineInterviewDto {
  @ApiProperty({ example: '2026-12-01T09:00:00+01:00' }) @IsInstant()
  declinedAt!: string;

  @ApiProperty({ example: 'Alva does not want to talk now' }) @IsString() @IsNotEmpty() @MaxLength(1000)
  reason!: string;
}
