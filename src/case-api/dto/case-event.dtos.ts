import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  registerDecorator,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  Matches,
} from 'class-validator';
import {
  CANCELLED_BY,
  STOP_REASONS,
  VISIT_OUTCOMES,
  type CancelledBy,
  type ClientEventType,
  type StopReason,
  type VisitOutcome,
} from '../../../machines/case-events.js';
import { IsInstant } from '../../common/date-validators.js';

/*
 * One class per client event, checked before the machine sees it. `type` is part of each so the
 * whitelist accepts it; the body's `type` picks the class (see CaseEventPipe).
 */

/** A diary number as case systems write them (`SN 2026/0042`, `FAM-2026.12`); it goes into letters, mail and CSV. */
const DIARY_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N} /.-]{0,39}$/u;

export class InitiateDto {
  @ApiProperty({ enum: ['INITIATE'] }) @Equals('INITIATE') type!: 'INITIATE';

  @ApiPropertyOptional({
    example: 'SN 2026/123',
    description: 'The case system’s diary number: letters, digits, spaces, `/`, `-` and `.`, at most 40',
    pattern: DIARY_NUMBER.source,
    maxLength: 40,
  })
  @IsOptional()
  @IsString()
  @Matches(DIARY_NUMBER, {
    message: 'diaryNumber must be 1–40 letters, digits, spaces, /, - or . (no line breaks)',
  })
  diaryNumber?: string;
}

export class AppointSupporterDto {
  @ApiProperty({ enum: ['APPOINT_SUPPORTER'] }) @Equals('APPOINT_SUPPORTER') type!: 'APPOINT_SUPPORTER';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  supporterId!: string;

  @ApiProperty({ description: 'When the decision appointing the supporter was made' })
  @IsInstant()
  decidedAt!: string;
}

export class ReplaceSupporterDto {
  @ApiProperty({ enum: ['REPLACE_SUPPORTER'] }) @Equals('REPLACE_SUPPORTER') type!: 'REPLACE_SUPPORTER';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  supporterId!: string;

  @ApiProperty({ description: 'When the new decision appointing the supporter was made' })
  @IsInstant()
  decidedAt!: string;

  @ApiProperty({ example: 'The supporter moved away' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class SendSummonsDto {
  @ApiProperty({ enum: ['SEND_SUMMONS'] }) @Equals('SEND_SUMMONS') type!: 'SEND_SUMMONS';

  @ApiProperty({ description: 'When the start-up meeting takes place' })
  @IsInstant()
  meetingAt!: string;
}

export class HoldStartupMeetingDto {
  @ApiProperty({ enum: ['HOLD_STARTUP_MEETING'] }) @Equals('HOLD_STARTUP_MEETING') type!: 'HOLD_STARTUP_MEETING';

  @ApiProperty()
  @IsInstant()
  heldAt!: string;

  @ApiProperty()
  @IsBoolean()
  enrollmentFormSigned!: boolean;

  @ApiProperty()
  @IsBoolean()
  rulesAccepted!: boolean;
  // Consent to the child interview is not sent: it is derived from the consent recorded per guardian.
}

export class StartVisitsDto {
  @ApiProperty({ enum: ['START_VISITS'] }) @Equals('START_VISITS') type!: 'START_VISITS';

  @ApiProperty({ description: 'When copies of the enrollment form and rules went to the parents and the supporter' })
  @IsInstant()
  documentCopiesSentAt!: string;
}

export class LogVisitDto {
  @ApiProperty({ enum: ['LOG_VISIT'] }) @Equals('LOG_VISIT') type!: 'LOG_VISIT';

  @ApiProperty()
  @IsInstant()
  occurredAt!: string;

  @ApiProperty({ minimum: 0, maximum: 1440 })
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes!: number;

  @ApiProperty({ enum: VISIT_OUTCOMES })
  @IsIn(VISIT_OUTCOMES)
  outcome!: VisitOutcome;

  @ApiPropertyOptional({ enum: STOP_REASONS, description: 'Required when, and only when, the visit was stopped' })
  @StopReasonFitsOutcome()
  stopReason?: StopReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The planned visit (POST /cases/:id/visit-plans) this outcome belongs to',
  })
  @IsOptional()
  @IsUUID()
  visitPlanId?: string;

  @ApiPropertyOptional({ enum: CANCELLED_BY, description: 'Who called the visit off; only with the outcome cancelled' })
  @IsOptional()
  @IsIn(CANCELLED_BY)
  cancelledBy?: CancelledBy;
}

/** A stopped visit says why (seed 003); any other outcome has no stop reason. */
function StopReasonFitsOutcome(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'stopReasonFitsOutcome',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `stopReason must be one of ${STOP_REASONS.join(', ')} when the outcome is stopped, and absent otherwise`,
      },
      validator: {
        validate: (value, args) =>
          (args?.object as LogVisitDto).outcome === 'stopped'
            ? (STOP_REASONS as readonly unknown[]).includes(value)
            : value === undefined,
      },
    });
}

export class HoldFollowUpDto {
  @ApiProperty({ enum: ['HOLD_FOLLOW_UP'] }) @Equals('HOLD_FOLLOW_UP') type!: 'HOLD_FOLLOW_UP';

  @ApiProperty()
  @IsInstant()
  heldAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({ example: ['Maria', 'Johan', 'Karin Lund (umgängesstödjare)'] })
  @IsMeetingParticipants()
  participants?: string[];
}

export class EndEarlyDto {
  @ApiProperty({ enum: ['END_EARLY'] }) @Equals('END_EARLY') type!: 'END_EARLY';

  @ApiProperty({ example: 'The parents go on without support' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class HoldClosingMeetingDto {
  @ApiProperty({ enum: ['HOLD_CLOSING_MEETING'] }) @Equals('HOLD_CLOSING_MEETING') type!: 'HOLD_CLOSING_MEETING';

  @ApiProperty()
  @IsInstant()
  heldAt!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({ example: ['Maria', 'Johan'] })
  @IsMeetingParticipants()
  participants?: string[];
}

/** Who took part in a follow-up meeting: names, as many as a meeting has. */
function IsMeetingParticipants(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(20),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(120, { each: true }),
  );
}

export class SubmitEvaluationDto {
  @ApiProperty({ enum: ['SUBMIT_EVALUATION'] }) @Equals('SUBMIT_EVALUATION') type!: 'SUBMIT_EVALUATION';

  @ApiProperty()
  @IsInstant()
  sentToCourtAt!: string;
}

export class ArchiveDto {
  @ApiProperty({ enum: ['ARCHIVE'] }) @Equals('ARCHIVE') type!: 'ARCHIVE';

  @ApiProperty({ description: 'When the decision to end the measure was made' })
  @IsInstant()
  terminationDecidedAt!: string;
}

export const CASE_EVENT_DTOS: Record<ClientEventType, new () => object> = {
  INITIATE: InitiateDto,
  APPOINT_SUPPORTER: AppointSupporterDto,
  REPLACE_SUPPORTER: ReplaceSupporterDto,
  SEND_SUMMONS: SendSummonsDto,
  HOLD_STARTUP_MEETING: HoldStartupMeetingDto,
  START_VISITS: StartVisitsDto,
  LOG_VISIT: LogVisitDto,
  HOLD_FOLLOW_UP: HoldFollowUpDto,
  END_EARLY: EndEarlyDto,
  HOLD_CLOSING_MEETING: HoldClosingMeetingDto,
  SUBMIT_EVALUATION: SubmitEvaluationDto,
  ARCHIVE: ArchiveDto,
};
