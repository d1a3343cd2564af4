import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/api-docs.js';
import { INTERVIEW_STATUSES } from '../child-interview.entity.js';

class InterviewConsent {
  @ApiProperty({ format: 'date' }) givenOn!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether it was given at the start-up meeting' }) atStartupMeeting!: boolean | null;
}

/** One child's interview, addressed by the child's place in the judgment. */
export class InterviewResponse {
  @ApiProperty({ example: 0, description: 'The child’s place in the judgment, 0 for the first' }) childIndex!: number;
  @ApiProperty({ example: 'Alva' }) name!: string;
  @ApiProperty({ enum: ['noConsent', ...INTERVIEW_STATUSES] }) status!: string;
  @ApiProperty({ type: InterviewConsent, nullable: true }) consent!: InterviewConsent | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) bookedFor!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) heldAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) declinedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
}

export class InterviewListResponse extends PageOf(InterviewResponse) {}
