import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/api-docs.js';
import { CUSTODIES } from '../../cases/case-party.entity.js';
import { INTERVIEW_STATUSES } from '../child-interview.entity.js';
import { GUARDIANS } from '../interview-consent.entity.js';

class ConsentRecord {
  @ApiProperty({ enum: GUARDIANS }) guardian!: string;
  @ApiProperty({ format: 'date' }) givenOn!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether it was given at the start-up meeting' })
  atStartupMeeting!: boolean | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'When the guardian withdrew it, if they did',
  })
  withdrawnOn!: string | null;
}

/** Consent per guardian with custody: the interview needs every one of them, none withdrawn. */
class InterviewConsent {
  @ApiProperty({ description: 'Every guardian with custody has consented and none has withdrawn' }) complete!: boolean;
  @ApiProperty({ enum: GUARDIANS, isArray: true, description: 'The guardians whose consent the interview needs' })
  needed!: string[];
  @ApiProperty({ type: [ConsentRecord], description: 'Every consent given for this child, withdrawn ones included' })
  records!: ConsentRecord[];
}

/** One child's interview, addressed by the child's place in the judgment. */
export class InterviewResponse {
  @ApiProperty({ example: 0, description: 'The child’s place in the judgment, 0 for the first' }) childIndex!: number;
  @ApiProperty({ example: 'Alva' }) name!: string;
  @ApiProperty({ enum: ['noConsent', ...INTERVIEW_STATUSES] }) status!: string;
  @ApiProperty({ enum: CUSTODIES, nullable: true, description: 'Who has custody of the child' }) custody!:
    string | null;
  @ApiProperty({ type: InterviewConsent }) consent!: InterviewConsent;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) bookedFor!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) heldAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) declinedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
}

export class InterviewListResponse extends PageOf(InterviewResponse) {}
