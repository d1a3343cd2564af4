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
  ValidateIf,
  ValidateNested,
  Matches,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  BOOKED_MEETING_KINDS,
  CANCELLED_BY,
  EARLY_END_CATEGORIES,
  MEETING_PARTIES,
  STOP_REASONS,
  VISIT_OUTCOMES,
  type BookedMeetingKind,
  type CancelledBy,
  type ClientEventType,
  type EarlyEndCategory,
  type MeetingParty,
  type StopReason,
  type VisitOutcome,
} from '../../../machines/case-events.js';
import { IsCalendarDate, IsInstant } from '../../common/date-validators.js';

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

/** Who made a decision, or presented it (förvaltningslagen 31 §). */
export class DecisionPersonDto {
  @ApiProperty({ example: 'Anna Berg' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'Familjerättssekreterare' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title!: string;
}

/** The decision-maker (the acting secretary's staff profile where not given) and any presenter. */
function DecisionPerson(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: DecisionPersonDto, description }),
    IsOptional(),
    ValidateNested(),
    Type(() => DecisionPersonDto),
  );
}
const DECISION_MAKER = 'Who made the decision under delegation; the acting secretary’s staff profile when not given';
const PRESENTER = 'Who presented the case, where someone other than the decision-maker did';

export class AppointSupporterDto {
  @ApiProperty({ enum: ['APPOINT_SUPPORTER'] }) @Equals('APPOINT_SUPPORTER') type!: 'APPOINT_SUPPORTER';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  supporterId!: string;

  @ApiProperty({ description: 'When the decision appointing the supporter was made' })
  @IsInstant()
  decidedAt!: string;

  @DecisionPerson(DECISION_MAKER) decisionMaker?: DecisionPersonDto;
  @DecisionPerson(PRESENTER) presenter?: DecisionPersonDto;
}

export class ReplaceSupporterDto {
  @ApiProperty({ enum: ['REPLACE_SUPPORTER'] }) @Equals('REPLACE_SUPPORTER') type!: 'REPLACE_SUPPORTER';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  supporterId!: string;

  @ApiProperty({ description: 'When the new decision appointing the supporter was made' })
  @IsInstant()
  decidedAt!: string;

  @ApiProperty({ example: 'Umgängesstödjaren har flyttat' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({
    example: '2026-12-14',
    description: 'The day the new supporter takes over; the decision’s day when not given',
  })
  @IsOptional()
  @IsCalendarDate()
  takesOverOn?: string;

  @DecisionPerson(DECISION_MAKER) decisionMaker?: DecisionPersonDto;
  @DecisionPerson(PRESENTER) presenter?: DecisionPersonDto;
}

/** What every summons to a meeting says: the joint meeting or each parent's own, and the day it went out. */
abstract class MeetingSummonsDto {
  @ApiPropertyOptional({
    description:
      'When the joint meeting takes place, after the day the summons was sent. Absent where only individual meetings are planned; refused where a parent has protected personal data or a marked risk',
  })
  @ValidateIf((o: MeetingSummonsDto) => o.meetingAt !== undefined || o.individualMeetings === undefined)
  @IsInstant()
  meetingAt?: string;

  @ApiPropertyOptional({ example: 'Familjerätten, Stationsgatan 12', description: 'Where the joint meeting is held' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place?: string;

  @ApiPropertyOptional({
    type: () => [IndividualMeetingDto],
    description: 'Each parent’s own meeting, one per parent, instead of or beside a joint one',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => IndividualMeetingDto)
  @OnePerParent()
  individualMeetings?: IndividualMeetingDto[];

  @ApiPropertyOptional({
    example: '2026-11-18',
    description:
      'The day the summons was sent (Swedish calendar); today when not given. Not in the future, not before the supporter was appointed',
  })
  @IsOptional()
  @IsCalendarDate()
  sentOn?: string;
}

export class SendSummonsDto extends MeetingSummonsDto {
  @ApiProperty({ enum: ['SEND_SUMMONS'] }) @Equals('SEND_SUMMONS') type!: 'SEND_SUMMONS';
}

/** The follow-up at half time or the closing meeting, booked ahead with its summons (routine step 9). */
export class BookMeetingDto extends MeetingSummonsDto {
  @ApiProperty({ enum: ['BOOK_MEETING'] }) @Equals('BOOK_MEETING') type!: 'BOOK_MEETING';

  @ApiProperty({
    enum: BOOKED_MEETING_KINDS,
    description: 'Which meeting: the follow-up at half time, or the closing meeting',
  })
  @IsIn(BOOKED_MEETING_KINDS)
  kind!: BookedMeetingKind;
}

/** One parent's own meeting. */
export class IndividualMeetingDto {
  @ApiProperty({ enum: MEETING_PARTIES })
  @IsIn(MEETING_PARTIES)
  party!: MeetingParty;

  @ApiProperty({ description: 'When the meeting takes place, after the day the summons was sent' })
  @IsInstant()
  meetingAt!: string;

  @ApiPropertyOptional({ example: 'Familjerätten, Stationsgatan 12' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place?: string;
}

/** Individual meetings name each parent once. */
function OnePerParent(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'onePerParent',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'individualMeetings must name each parent at most once' },
      validator: {
        validate: (value) =>
          !Array.isArray(value) || new Set(value.map((m: { party?: unknown }) => m?.party)).size === value.length,
      },
    });
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

  @ApiPropertyOptional({
    enum: MEETING_PARTIES,
    description: 'The parent met alone at their individual meeting; absent for the joint meeting',
  })
  @IsOptional()
  @IsIn(MEETING_PARTIES)
  party?: MeetingParty;
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

  @ApiPropertyOptional({
    enum: CANCELLED_BY,
    description:
      'Who called the visit off (cancelled) or did not come (noShow): required with those outcomes, absent otherwise',
  })
  @ValidateIf((o: LogVisitDto) => o.cancelledBy !== undefined || NOT_HELD.includes(o.outcome))
  @IsIn(CANCELLED_BY, {
    message: `cancelledBy must be one of ${CANCELLED_BY.join(', ')} when the visit was cancelled or not attended`,
  })
  @WhoFitsOutcome()
  cancelledBy?: CancelledBy;

  @ApiPropertyOptional({ example: 'Barnet var sjukt', description: 'Why the visit did not take place' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  absenceReason?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 11,
    description: 'The child (by position among the case’s children) a stop, cancellation or absence concerns',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(11)
  childPosition?: number;
}

/** The visits that did not take place: they say who called them off or did not come. */
const NOT_HELD: readonly VisitOutcome[] = ['cancelled', 'noShow'];

function WhoFitsOutcome(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'whoFitsOutcome',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'cancelledBy is given only when the visit was cancelled or not attended' },
      validator: { validate: (_value, args) => NOT_HELD.includes((args?.object as LogVisitDto).outcome) },
    });
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

  @ApiProperty({ example: 'Föräldrarna sköter umgänget själva' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  @ApiProperty({ enum: EARLY_END_CATEGORIES, description: 'Why, as statistics count it; `reason` says the rest' })
  @IsIn(EARLY_END_CATEGORIES)
  reasonCategory!: EarlyEndCategory;

  @ApiPropertyOptional({
    example: '2026-12-04',
    description: 'The day support ended; today when not given. Not in the future, not before the judgment',
  })
  @IsOptional()
  @IsCalendarDate()
  endedOn?: string;

  @DecisionPerson(DECISION_MAKER) decisionMaker?: DecisionPersonDto;
  @DecisionPerson(PRESENTER) presenter?: DecisionPersonDto;
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

  @DecisionPerson(DECISION_MAKER) decisionMaker?: DecisionPersonDto;
  @DecisionPerson(PRESENTER) presenter?: DecisionPersonDto;
}

export class RecordDiaryNumberDto {
  @ApiProperty({ enum: ['RECORD_DIARY_NUMBER'] }) @Equals('RECORD_DIARY_NUMBER') type!: 'RECORD_DIARY_NUMBER';

  @ApiProperty({ example: 'SN 2026/123', description: 'The case system’s diary number, where the case has none yet' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  diaryNumber!: string;
}

export const CASE_EVENT_DTOS: Record<ClientEventType, new () => object> = {
  INITIATE: InitiateDto,
  APPOINT_SUPPORTER: AppointSupporterDto,
  REPLACE_SUPPORTER: ReplaceSupporterDto,
  SEND_SUMMONS: SendSummonsDto,
  BOOK_MEETING: BookMeetingDto,
  HOLD_STARTUP_MEETING: HoldStartupMeetingDto,
  START_VISITS: StartVisitsDto,
  LOG_VISIT: LogVisitDto,
  HOLD_FOLLOW_UP: HoldFollowUpDto,
  END_EARLY: EndEarlyDto,
  HOLD_CLOSING_MEETING: HoldClosingMeetingDto,
  SUBMIT_EVALUATION: SubmitEvaluationDto,
  ARCHIVE: ArchiveDto,
  RECORD_DIARY_NUMBER: RecordDiaryNumberDto,
};
