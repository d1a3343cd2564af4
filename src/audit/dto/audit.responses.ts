import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/api-docs.js';

/** Who called: neither id nor role for a call without a valid token. */
class AuditUser {
  @ApiProperty({ type: String, nullable: true, example: 'anna' }) id!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'secretary' }) role!: string | null;
}

export class AuditEntryResponse {
  @ApiProperty({ example: 1, description: 'The entry’s place in the chain' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: AuditUser }) user!: AuditUser;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({ enum: ['read', 'write'] }) action!: string;
  @ApiProperty({ example: 'GET /cases/:id', description: 'The route called' }) resource!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'document:6f1c…',
    description: 'What within or beside the case was looked at or changed (`document:<id>`, `supporter:<id>`)',
  })
  subject!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '127.0.0.1' }) ip!: string | null;
  @ApiProperty({ description: 'Whether access was granted' }) allowed!: boolean;
  @ApiProperty({ example: 200, description: 'The HTTP status answered' }) status!: number;
  @ApiProperty({ description: 'SHA-256 over this entry and the one before: the chain `npm run audit:verify` checks' })
  hash!: string;
}

export class AuditListResponse extends PageOf(AuditEntryResponse) {}

/** Requests turned away for want of a valid token: counted per route, not written to the trail one by one. */
export class UnauthenticatedRefusalsResponse {
  @ApiProperty({ format: 'date-time', description: 'When this process started counting' }) since!: string;
  @ApiProperty({ example: 3 }) total!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 'GET /cases/:id': 3 },
    description: 'The count per route',
  })
  byResource!: Record<string, number>;
}
