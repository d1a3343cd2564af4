import { ApiProperty } from '@nestjs/swagger';
import { CANCELLED_BY, STOP_REASONS, VISIT_OUTCOMES } from '../../../machines/case-events.js';
import { ActingUser, PageOf } from '../../common/api-docs.js';
import { REPORT_FORMS } from '../visit-report.entity.js';

export class VisitPlanResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) plannedFor!: string;
  @ApiProperty({ example: 'Familjerättens besöksrum, Stationsgatan 12' }) place!: string;
  @ApiProperty({ format: 'uuid' }) supporterId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The visit logged for this plan (LOG_VISIT with visitPlanId), once it is',
  })
  loggedAs!: string | null;
}

/** A report is never changed: a correction is a new report pointing back, and the corrected one stays. */
export class VisitReportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) visitId!: string;
  @ApiProperty({ enum: REPORT_FORMS, description: 'Typed in, or a scanned paper report' }) form!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The text of a typed report' }) text!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The document it was filed as in the case file',
  })
  documentId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The earlier report this one corrects' })
  corrects!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The later report that corrected this one',
  })
  correctedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiProperty({ type: ActingUser }) filedBy!: ActingUser;
}

export class VisitReportListResponse extends PageOf(VisitReportResponse) {}

export class LoggedVisit {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The plan it was logged for' }) planId!:
    string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ example: 120 }) durationMinutes!: number;
  @ApiProperty({ enum: VISIT_OUTCOMES }) outcome!: string;
  @ApiProperty({ type: String, enum: STOP_REASONS, nullable: true }) stopReason!: string | null;
  @ApiProperty({
    type: String,
    enum: CANCELLED_BY,
    nullable: true,
    description: 'Who called the visit off (cancelled) or did not come (noShow)',
  })
  cancelledBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the visit did not take place' }) absenceReason!:
    string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The child it concerned, by position' }) childPosition!:
    number | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) supporterId!: string | null;
  @ApiProperty({ description: 'Held and stopped visits expect a report' }) reportExpected!: boolean;
  @ApiProperty() reportMissing!: boolean;
  @ApiProperty({ type: [VisitReportResponse] }) reports!: VisitReportResponse[];
}

export class VisitOverviewResponse {
  @ApiProperty({ type: [VisitPlanResponse] }) plans!: VisitPlanResponse[];
  @ApiProperty({ type: [LoggedVisit] }) visits!: LoggedVisit[];
}

export class ReportWaiverResponse {
  @ApiProperty({ format: 'uuid' }) visitId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ example: 'Umgängesstödjaren har slutat och rapporten går inte att få in' }) waivedReason!: string;
}

export class MissingReportResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) visitId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ enum: VISIT_OUTCOMES }) outcome!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) supporterId!: string | null;
}

export class MissingReportListResponse extends PageOf(MissingReportResponse) {}
