import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsInstant } from '../../common/date-validators.js';
import { GUARDIANS, type Guardian } from '../interview-consent.entity.js';

export class GiveConsentDto {
  @ApiProperty({ enum: GUARDIANS, description: 'The guardian (with custody of the child) who gives consent' })
  @IsIn(GUARDIANS)
  guardian!: Guardian;

  @ApiProperty({ example: '2026-11-24' })
  @IsCalendarDate()
  givenOn!: string;

  @ApiProperty({ description: 'Whether the consent was given at the start-up meeting (or later)' })
  @IsBoolean()
  atStartupMeeting!: boolean;
}

export class WithdrawConsentDto {
  @ApiProperty({ enum: GUARDIANS })
  @IsIn(GUARDIANS)
  guardian!: Guardian;

  @ApiProperty({ example: '2026-12-01' })
  @IsCalendarDate()
  withdrawnOn!: string;
}

export class BookInterviewDto {
  @ApiProperty({ example: '2026-12-02T15:00:00+01:00' })
  @IsInstant()
  bookedFor!: string;
}

export class HoldInterviewDto {
  @ApiProperty({ example: '2026-12-02T15:00:00+01:00' })
  @IsInstant()
  heldAt!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  notes!: string;
}

export class DeclineInterviewDto {
  @ApiProperty({ example: '2026-12-01T09:00:00+01:00' })
  @IsInstant()
  declinedAt!: string;

  @ApiProperty({ example: 'Alva vill inte prata nu' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
