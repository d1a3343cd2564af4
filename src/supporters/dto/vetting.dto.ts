import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../common/date-validators.js';
import { VETTING_STEPS, type VettingStep } from '../supporter-vetting.js';

export class RecordVettingStepDto {
  @ApiProperty({ enum: VETTING_STEPS })
  @IsIn(VETTING_STEPS)
  step!: VettingStep;

  @ApiProperty({
    example: '2026-10-05',
    description: 'When the step was taken; for an extract, the date it was issued',
  })
  @IsCalendarDate()
  date!: string;
}

export const SUPPORTER_DECISIONS = ['approved', 'rejected'] as const;

export class DecideSupporterDto {
  @ApiProperty({ enum: SUPPORTER_DECISIONS })
  @IsIn(SUPPORTER_DECISIONS)
  decision!: (typeof SUPPORTER_DECISIONS)[number];

  @ApiPropertyOptional({ description: 'Required for a rejection', example: 'Referenserna avrådde' })
  @ValidateIf((o: DecideSupporterDto) => o.decision === 'rejected' || o.reason !== undefined)
  @IsString({ message: 'reason must be given when a supporter is rejected' })
  @IsNotEmpty({ message: 'reason must be given when a supporter is rejected' })
  @MaxLength(1000)
  reason?: string;
}

export class SetCapacityDto {
  @ApiProperty({ minimum: 1, maximum: 20 })
  @IsInt()
  @Min(1)
  @Max(20)
  capacity!: number;
}
