import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATES } from '../../../machines/case-machine.js';
import { PageOf } from '../../common/api-docs.js';

/** An archived case whose disposal date has passed. */
export class DueCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: CASE_STATES }) state!: string;
  @ApiProperty({ format: 'date-time' }) archivedAt!: string;
  @ApiProperty({ format: 'date' }) disposalDate!: string;
  @ApiProperty({
    type: [String],
    description: 'The notification mails that told of the case: removed with it, unless they told of other cases too',
  })
  notificationMails!: string[];
  @ApiProperty({
    type: [String],
    description: 'The outbox files (`.eml`, under the data directory) of those mails, removed with the case',
  })
  outboxFiles!: string[];
}

/** An archived case past its disposal date that disposal keeps, and why. */
export class KeptCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'date-time' }) archivedAt!: string;
  @ApiProperty({ format: 'date' }) disposalDate!: string;
  @ApiProperty({
    enum: ['researchSample'],
    description: '`researchSample`: a party was born on a day of the month the archive plan keeps (docs/disposal.md)',
  })
  reason!: 'researchSample';
}

export class DueCaseListResponse extends PageOf(DueCaseResponse) {
  @ApiProperty({
    type: [KeptCaseResponse],
    description: 'The cases past their disposal date that stay, with why: disposal leaves them',
  })
  kept!: KeptCaseResponse[];
}

class DisposedCounts {
  @ApiProperty() children!: number;
  @ApiProperty() visits!: number;
  @ApiProperty() visitReports!: number;
  @ApiProperty() documents!: number;
  @ApiProperty() historyEntries!: number;
}

/** What disposal keeps of a case, for statistics: no party, no court, no text. */
export class DisposedCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: CASE_STATES }) state!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
  @ApiProperty({ format: 'date-time' }) archivedAt!: string;
  @ApiProperty({ format: 'date' }) disposalDate!: string;
  @ApiProperty({ format: 'date-time' }) disposedAt!: string;
  @ApiProperty({ type: DisposedCounts }) counts!: DisposedCounts;
}

export class DisposedCaseListResponse extends PageOf(DisposedCaseResponse) {}

/** `dryRun: true`: the cases a disposal would remove, nothing removed. */
export class DisposalPreviewResponse extends DueCaseListResponse {
  @ApiProperty({ enum: [true] }) dryRun!: true;
}

/** `dryRun: false`: the stubs kept of the cases just disposed of. */
export class DisposalDoneResponse extends DisposedCaseListResponse {
  @ApiProperty({ enum: [false] }) dryRun!: false;
}
