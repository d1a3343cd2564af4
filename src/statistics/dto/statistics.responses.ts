import { ApiProperty, type ApiPropertyOptions, type SchemaObject } from '@nestjs/swagger';
import { STOP_REASONS } from '../../../machines/case-events.js';
import { REMINDER_KINDS } from '../../../machines/deadline-rules.js';
import { SUPPRESSED, WITHHELD, type Count, type Days } from '../statistics-figures.js';

/**
 * A count, or "<5" for one to four (small groups could point at a family), or ".." for one
 * withheld because with its total it would give away a "<5" beside it.
 */
const COUNT: SchemaObject = {
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', enum: [SUPPRESSED, WITHHELD] },
  ],
  example: 12,
};
const DAYS: SchemaObject = {
  oneOf: [
    { type: 'number', minimum: 0, nullable: true },
    { type: 'string', enum: [SUPPRESSED] },
  ],
  example: 21.5,
  description: 'Days; "<5" when fewer than five cases stand behind it, null when none',
};
const countsOf = (keys: readonly string[]): SchemaObject => ({
  type: 'object',
  properties: Object.fromEntries(keys.map((key) => [key, COUNT])),
  additionalProperties: COUNT,
});

class StatisticsPeriod {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date', description: 'The last day counted' }) to!: string;
}

class Suppression {
  @ApiProperty({ example: 5, description: 'Counts below this (but above 0) are not shown' }) below!: number;
  @ApiProperty({ example: SUPPRESSED }) shownAs!: string;
  @ApiProperty({
    example: WITHHELD,
    description: 'A count of five or more withheld because, with its total, it would give away a "<5" beside it',
  })
  withheldAs!: string;
}

class EndedBy {
  @ApiProperty(COUNT as ApiPropertyOptions) periodEnded!: Count;
  @ApiProperty(COUNT as ApiPropertyOptions) endedEarly!: Count;
}

class CaseFigures {
  @ApiProperty(COUNT as ApiPropertyOptions) opened!: Count;
  @ApiProperty(COUNT as ApiPropertyOptions) closed!: Count;
  @ApiProperty({ type: EndedBy }) endedBy!: EndedBy;
  @ApiProperty({
    ...countsOf([]),
    description: 'Cases ended early, by the reason’s category (free-text reasons are never shown)',
  } as ApiPropertyOptions)
  endedEarlyByReason!: Record<string, Count>;
  @ApiProperty(COUNT as ApiPropertyOptions) evaluated!: Count;
  @ApiProperty(COUNT as ApiPropertyOptions) archived!: Count;
}

class Spread {
  @ApiProperty(COUNT as ApiPropertyOptions) cases!: Count;
  @ApiProperty(DAYS as ApiPropertyOptions) medianDays!: Days;
  @ApiProperty(DAYS as ApiPropertyOptions) p90Days!: Days;
}

class DaysFromJudgmentReceived {
  @ApiProperty({ type: Spread }) supporterAppointed!: Spread;
  @ApiProperty({ type: Spread }) startupMeeting!: Spread;
  @ApiProperty({ type: Spread }) firstVisit!: Spread;
}

class VisitFigures {
  @ApiProperty(COUNT as ApiPropertyOptions) held!: Count;
  @ApiProperty(COUNT as ApiPropertyOptions) stopped!: Count;
  @ApiProperty(countsOf(STOP_REASONS) as ApiPropertyOptions) stoppedByReason!: Record<string, Count>;
  @ApiProperty(COUNT as ApiPropertyOptions) cancelled!: Count;
  @ApiProperty(COUNT as ApiPropertyOptions) notAttended!: Count;
}

class ReminderFigures {
  @ApiProperty(COUNT as ApiPropertyOptions) raised!: Count;
  @ApiProperty(countsOf(REMINDER_KINDS) as ApiPropertyOptions) byKind!: Record<string, Count>;
  @ApiProperty(COUNT as ApiPropertyOptions) stillOpen!: Count;
  @ApiProperty({ type: Spread }) daysOpen!: Spread;
}

const COUNT_OR_NONE: SchemaObject = {
  oneOf: [
    { type: 'integer', minimum: 0, nullable: true },
    { type: 'string', enum: [SUPPRESSED, WITHHELD] },
  ],
  example: 6,
  description: 'A count as above; null when no supporter was active',
};

class PerSupporter {
  @ApiProperty(COUNT_OR_NONE as ApiPropertyOptions) median!: Count | null;
  @ApiProperty(COUNT_OR_NONE as ApiPropertyOptions) max!: Count | null;
}

class SupporterFigures {
  @ApiProperty({ ...COUNT, description: 'Supporters with an assignment overlapping the period' } as ApiPropertyOptions)
  active!: Count;
  @ApiProperty({ type: PerSupporter }) casesPerSupporter!: PerSupporter;
  @ApiProperty({ type: PerSupporter }) visitsPerSupporter!: PerSupporter;
}

/** The unit's figures for a period, small counts hidden. */
export class StatisticsResponse {
  @ApiProperty({ type: StatisticsPeriod }) period!: StatisticsPeriod;
  @ApiProperty({ type: Suppression }) suppression!: Suppression;
  @ApiProperty({ type: CaseFigures }) cases!: CaseFigures;
  @ApiProperty({ type: DaysFromJudgmentReceived }) daysFromJudgmentReceived!: DaysFromJudgmentReceived;
  @ApiProperty({ type: VisitFigures }) visits!: VisitFigures;
  @ApiProperty({ type: ReminderFigures }) reminders!: ReminderFigures;
  @ApiProperty({ type: SupporterFigures }) supporters!: SupporterFigures;
}
