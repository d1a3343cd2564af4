import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATES } from '../../../machines/case-machine.js';
import { REMINDER_KINDS, TRANSITION_DEADLINE_KINDS } from '../../../machines/deadline-rules.js';

export class CaseStateTotal {
  @ApiProperty({ enum: CASE_STATES, example: 'activeVisits' }) state!: string;
  @ApiProperty({ example: 12 }) total!: number;
}

/** How many cases stand in each state; a state without cases is left out. */
export class CaseStateTotalsResponse {
  @ApiProperty({ type: [CaseStateTotal] }) items!: CaseStateTotal[];
}

/** A pending deadline with the case it belongs to, for a list across cases. */
export class DeadlineOfCase {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: [...TRANSITION_DEADLINE_KINDS, ...REMINDER_KINDS] }) kind!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ example: 'Uppsala tingsrätt' }) court!: string;
  @ApiProperty({ example: 'T 1234-26' }) courtCaseNumber!: string;
  @ApiProperty({ enum: CASE_STATES }) state!: string;
}

export class DeadlineListResponse {
  @ApiProperty({ type: [DeadlineOfCase], description: 'The earliest due first: overdue ones lead' })
  items!: DeadlineOfCase[];
}
