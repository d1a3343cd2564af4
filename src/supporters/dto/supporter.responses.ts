import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/api-docs.js';
import { SUPPORTER_STATUSES } from '../supporter.entity.js';

class SupporterVetting {
  @ApiProperty({ type: String, nullable: true, format: 'date' }) interviewHeldOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) referencesTakenOn!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'The date of the criminal records extract (belastningsregistret)',
  })
  criminalRecordExtractOn!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'The date of the social services’ records extract',
  })
  socialServicesExtractOn!: string | null;
}

class SupporterDecision {
  @ApiProperty({ enum: SUPPORTER_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true, example: 'admin' }) by!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Given for a rejection' }) reason!: string | null;
}

/** A supporter as the unit sees them: vetting, decision, and room for assignments. */
export class SupporterResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Karin Lund' }) name!: string;
  @ApiProperty({ example: '070-123 45 67' }) phone!: string;
  @ApiProperty({ example: 'karin.lund@example.se' }) email!: string;
  @ApiProperty({ enum: SUPPORTER_STATUSES }) status!: string;
  @ApiProperty({ type: [String], example: ['svenska', 'arabiska'] }) languages!: string[];
  @ApiProperty({ type: String, nullable: true, example: 'Uppsala centrum' }) area!: string | null;
  @ApiProperty({ type: String, nullable: true }) availability!: string | null;
  @ApiProperty({ example: 2, description: 'Assignments taken on at once' }) capacity!: number;
  @ApiProperty({ example: 1 }) activeAssignments!: number;
  @ApiProperty({ example: 1 }) freeCapacity!: number;
  @ApiProperty({ type: SupporterVetting }) vetting!: SupporterVetting;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The last day both register extracts are valid (the older one’s); null while one is missing',
  })
  vettingValidUntil!: string | null;
  @ApiProperty({ type: SupporterDecision, nullable: true }) decision!: SupporterDecision | null;
  @ApiProperty({ description: 'Approved with current register extracts; APPOINT_SUPPORTER also needs a free place' })
  appointable!: boolean;
  @ApiProperty({ type: [String], description: 'What keeps them from being appointed, in words' })
  appointmentGaps!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SupporterListResponse extends PageOf(SupporterResponse) {}

/** What the e-service learns back: the new supporter record, waiting to be vetted. */
export class InterestResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['interested'] }) status!: string;
}
