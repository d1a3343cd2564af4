import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/api-docs.js';
import { ALERT_KINDS, ALERT_STATUSES } from '../alert-kinds.js';

export class AlertResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: string;
  @ApiProperty({ enum: ALERT_STATUSES }) status!: string;
  @ApiProperty({
    example: 'The supporter stopped a visit: follow up with the parents and the supporter',
    description: 'What is waiting, in words',
  })
  message!: string;
  @ApiProperty({ type: String, nullable: true, description: 'More about the cause, never who the case is about' })
  detail!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The deadline that raised it, if one did' })
  deadlineId!: string | null;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who acknowledged it first' }) acknowledgedBy!:
    string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) resolvedAt!: string | null;
}

export class AlertListResponse extends PageOf(AlertResponse) {}
