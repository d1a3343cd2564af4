import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { CANCELLED_BY, STOP_REASONS, VISIT_OUTCOMES } from '../../../machines/case-events.js';
import { CASE_STATES } from '../../../machines/case-machine.js';
import { REMINDER_KINDS, TRANSITION_DEADLINE_KINDS } from '../../../machines/deadline-rules.js';
import { ActingUser, PageOf } from '../../common/api-docs.js';
import { DEADLINE_STATUSES } from '../../deadlines/deadline.entity.js';
import { CUSTODIES, PROTECTIONS } from '../../cases/case-party.entity.js';

/*
 * What the case routes answer with. The controller declares these as its return types, so the
 * compiler holds the views in src/case-api/case-view.ts to the document.
 */

export class MaskedParty {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Maria' })
  name!: string;

  @ApiProperty({ example: '19850101-****', description: 'The personnummer with its last four digits masked' })
  personnummer!: string;

  @ApiProperty({
    enum: PROTECTIONS,
    nullable: true,
    type: String,
    description: 'Protected identity: the address is never shown beside the other party',
  })
  protection!: string | null;

  @ApiProperty({ description: 'A risk the secretary marked: the parents are met one at a time' })
  meetingRisk!: boolean;

  @ApiPropertyOptional({ enum: CUSTODIES, nullable: true, type: String, description: 'A child only: who has custody' })
  custody?: string | null;
}

export class CaseParties {
  @ApiProperty({ type: [MaskedParty] })
  children!: MaskedParty[];

  @ApiProperty({ type: MaskedParty })
  residentParent!: MaskedParty;

  @ApiProperty({ type: MaskedParty })
  visitingParent!: MaskedParty;
}

export class CaseJudgment {
  @ApiProperty({ example: 'Uppsala tingsrätt' }) court!: string;
  @ApiProperty({ example: 'T 1234-26' }) courtCaseNumber!: string;
  @ApiProperty({ format: 'date', example: '2026-09-01' }) judgmentDate!: string;
  @ApiProperty({ format: 'date', example: '2026-09-14' }) periodStart!: string;
  @ApiProperty({ format: 'date', example: '2027-09-13', description: 'The last day with support' }) periodEnd!: string;
  @ApiProperty({ description: 'Whether the court set the end; otherwise one year from the start' })
  periodEndSetByCourt!: boolean;
  @ApiProperty() evaluationRequested!: boolean;
  @ApiPropertyOptional({
    format: 'date',
    description: 'The day the judgment reached the unit, where it came before registration (contactSupport@2)',
  })
  receivedAt?: string;
  @ApiPropertyOptional({ description: 'Set when the secretary confirmed a period longer than the municipality’s cap' })
  periodCapOverrideReason?: string;
}

export class CaseDeadline {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: [...TRANSITION_DEADLINE_KINDS, ...REMINDER_KINDS] }) kind!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status!: string;
}

const WHO_DID_NOT_COME = {
  enum: CANCELLED_BY,
  nullable: true,
  type: String,
  description: 'Who called the visit off (cancelled) or did not come (noShow)',
};
const ABSENCE_REASON = { nullable: true, type: String, description: 'Why the visit did not take place' };

export class CaseVisit {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ example: 120 }) durationMinutes!: number;
  @ApiProperty({ enum: VISIT_OUTCOMES }) outcome!: string;
  @ApiProperty({ enum: STOP_REASONS, nullable: true, type: String }) stopReason!: string | null;
  @ApiProperty(WHO_DID_NOT_COME) cancelledBy!: string | null;
  @ApiProperty(ABSENCE_REASON) absenceReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The supporter who held the visit' }) supporterId!:
    string | null;
}

export class CaseRetentionFacts {
  @ApiProperty({ format: 'date-time' }) archivedAt!: string;
  @ApiProperty({ format: 'date', description: 'The day the case file is to be disposed of (gallring)' })
  disposalDate!: string;
}

const STATE = { enum: CASE_STATES, example: 'received' } as const;
const SUB_STATE = {
  type: String,
  nullable: true,
  example: 'held',
  description: 'The state within the state, e.g. startupMeeting.held',
} as const;
const RESPONSIBLE_SECRETARY = {
  type: String,
  nullable: true,
  example: 'anna',
  description: 'The secretary responsible for the case',
} as const;
const VERSION = { example: 3, description: 'Grows by one with each change; the ETag, for If-Match' } as const;

/** The case as the secretary sees it: everything, personnummer masked. */
export class CaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(STATE) state!: string;
  @ApiProperty(SUB_STATE) subState!: string | null;
  @ApiProperty(VERSION) version!: number;
  @ApiProperty({ example: 'contactSupport@2', description: 'The version of the case machine the case runs on' })
  machineVersion!: string;
  @ApiProperty({ type: CaseJudgment }) judgment!: CaseJudgment;
  @ApiProperty(RESPONSIBLE_SECRETARY) responsibleSecretaryId!: string | null;
  @ApiProperty({
    description:
      'Skyddade personuppgifter or a marked risk: the parents are met one at a time, and nothing that reaches the other parent names where or when the protected one will be',
  })
  separateMeetings!: boolean;
  @ApiProperty({ type: CaseParties }) parties!: CaseParties;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What the routine has recorded so far, as the case machine keeps it: diaryNumber, supporter, startupMeeting, visitCount, ' +
      'lastVisit, meetings (the follow-up and closing meetings booked), midpointFollowUp, closing, evaluation, termination, … (fields appear as the case moves on)',
  })
  progress!: Record<string, unknown>;

  @ApiProperty({
    type: [String],
    example: ['APPOINT_SUPPORTER', 'END_EARLY'],
    description: 'The events the case takes now',
  })
  allowedEvents!: string[];

  @ApiProperty({ type: [CaseDeadline] }) deadlines!: CaseDeadline[];
  @ApiProperty({ type: [CaseVisit] }) visits!: CaseVisit[];
  @ApiProperty({ type: CaseRetentionFacts, nullable: true, description: 'Set when the case is archived' })
  retention!: CaseRetentionFacts | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class SupporterCasePeriod {
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date' }) end!: string;
}

class ChildFirstName {
  @ApiProperty({ example: 'Alva' }) firstName!: string;
}

class ParentName {
  @ApiPropertyOptional({ example: 'Maria' }) name?: string;
}

class SupporterCaseVisit {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ enum: VISIT_OUTCOMES }) outcome!: string;
  @ApiProperty({ enum: STOP_REASONS, nullable: true, type: String }) stopReason!: string | null;
  @ApiProperty(WHO_DID_NOT_COME) cancelledBy!: string | null;
  @ApiProperty(ABSENCE_REASON) absenceReason!: string | null;
  @ApiProperty({ description: 'A held or stopped visit whose report has not come in yet' }) reportAwaited!: boolean;
}

/** The case as its appointed supporter sees it: first names and visit times, never a personnummer. */
export class SupporterCaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(STATE) state!: string;
  @ApiProperty(SUB_STATE) subState!: string | null;
  @ApiProperty(VERSION) version!: number;
  @ApiProperty({ type: SupporterCasePeriod }) period!: SupporterCasePeriod;
  @ApiProperty({ type: [ChildFirstName] }) children!: ChildFirstName[];
  @ApiProperty({ type: ParentName }) residentParent!: ParentName;
  @ApiProperty({ type: ParentName }) visitingParent!: ParentName;
  @ApiProperty({ type: [SupporterCaseVisit] }) visits!: SupporterCaseVisit[];
  @ApiProperty({ type: [String], example: ['LOG_VISIT'] }) allowedEvents!: string[];
}

class AdministratorCaseJudgment {
  @ApiProperty() court!: string;
  @ApiProperty() courtCaseNumber!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
}

/** The case as the administrator sees it for archiving: where it stands, no parties. */
export class AdministratorCaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(STATE) state!: string;
  @ApiProperty(SUB_STATE) subState!: string | null;
  @ApiProperty(VERSION) version!: number;
  @ApiProperty({ type: AdministratorCaseJudgment }) judgment!: AdministratorCaseJudgment;
  @ApiProperty({ type: [String], example: ['ARCHIVE'] }) allowedEvents!: string[];
  @ApiProperty({ type: CaseRetentionFacts, nullable: true }) retention!: CaseRetentionFacts | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** The case in the caller's role's view: the one the token's role is entitled to. */
export type CaseForRole = CaseResponse | SupporterCaseResponse | AdministratorCaseResponse;

/**
 * For `@ApiOkResponse({ schema })`: one of the three views, by the caller's role. `anyOf`, since
 * nothing in the body says which view it is: the caller knows their role.
 */
export const CASE_FOR_ROLE_SCHEMA = {
  description:
    'The secretary’s view (CaseResponse), the appointed supporter’s (SupporterCaseResponse) or the administrator’s (AdministratorCaseResponse)',
  anyOf: [CaseResponse, SupporterCaseResponse, AdministratorCaseResponse].map((view) => ({
    $ref: getSchemaPath(view),
  })),
};

export const CaseForRoleModels = () => ApiExtraModels(CaseResponse, SupporterCaseResponse, AdministratorCaseResponse);

export class CaseSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(STATE) state!: string;
  @ApiProperty(SUB_STATE) subState!: string | null;
  @ApiProperty(VERSION) version!: number;
  @ApiProperty() court!: string;
  @ApiProperty() courtCaseNumber!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty(RESPONSIBLE_SECRETARY) responsibleSecretaryId!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** The cases a personnummer is party to: all of them, no paging. */
export class CaseSearchResponse extends PageOf(CaseSummaryResponse) {}

export class CaseListResponse extends PageOf(CaseSummaryResponse) {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The cursor of the next page, for `after`; null on the last page',
  })
  next!: string | null;
}

class DeadlineMoment {
  @ApiProperty({ enum: [...TRANSITION_DEADLINE_KINDS, ...REMINDER_KINDS] }) kind!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

class MovedDeadline extends DeadlineMoment {
  @ApiProperty({ format: 'date-time', description: 'When it was due before' }) fromDueAt!: string;
}

class DryRunDeadlines {
  @ApiProperty({ type: [DeadlineMoment] }) added!: DeadlineMoment[];
  @ApiProperty({ type: [MovedDeadline] }) moved!: MovedDeadline[];
  @ApiProperty({ type: [DeadlineMoment] }) cancelled!: DeadlineMoment[];
}

class ResolvedAlert {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() kind!: string;
}

class RaisedAlert {
  @ApiProperty() kind!: string;
}

class DryRunAlerts {
  @ApiProperty({ type: [ResolvedAlert] }) resolved!: ResolvedAlert[];
  @ApiProperty({ type: [RaisedAlert] }) raised!: RaisedAlert[];
}

/** What an event would do to a case (`?dryRun=true`): decided and written as for real, then rolled back. */
export class DryRunResponse {
  @ApiProperty({ enum: [true] }) dryRun!: true;
  @ApiProperty({ enum: [true], description: 'A refused event answers its 409/422 as for real' }) accepted!: true;
  @ApiProperty({ example: 'APPOINT_SUPPORTER' }) eventType!: string;
  @ApiProperty(STATE) fromState!: string;
  @ApiProperty(SUB_STATE) fromSubState!: string | null;
  @ApiProperty(STATE) state!: string;
  @ApiProperty(SUB_STATE) subState!: string | null;
  @ApiProperty({ type: DryRunDeadlines }) deadlines!: DryRunDeadlines;
  @ApiProperty({ type: DryRunAlerts }) alerts!: DryRunAlerts;
  @ApiProperty({
    type: [String],
    description: 'The events the caller could send next, from the state the case would be in',
  })
  allowedEvents!: string[];
}

export class HistoryEntryResponse {
  @ApiProperty({ example: 2, description: 'The case version this entry made' }) version!: number;
  @ApiProperty({
    example: 'APPOINT_SUPPORTER',
    description:
      'The event, a client’s or the system’s (MIDPOINT_REACHED, PERIOD_ENDED, VISIT_REPORT_FILED, MACHINE_MIGRATED)',
  })
  type!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event’s fields as sent, without its type',
  })
  payload!: object;
  @ApiProperty({ type: String, nullable: true, description: 'null for the registration' }) fromState!: string | null;
  @ApiProperty() toState!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: ActingUser }) by!: ActingUser;
}

export class HistoryResponse extends PageOf(HistoryEntryResponse) {}

/** For `POST /cases/:id/events`: the case in the caller's view or, with `?dryRun=true`, what the event would do. */
export const EVENT_ANSWER_SCHEMA = {
  description:
    'The case in the caller’s view, as for GET /cases/:id; with `?dryRun=true`, a DryRunResponse and nothing kept',
  anyOf: [...CASE_FOR_ROLE_SCHEMA.anyOf, { $ref: getSchemaPath(DryRunResponse) }],
};
