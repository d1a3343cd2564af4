import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATES } from '../../../machines/case-machine.js';
import { PageOf } from '../../common/api-docs.js';

class AssignmentPeriod {
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date' }) end!: string;
}

class ChildFirstName {
  @ApiProperty({ example: 'Alva' }) firstName!: string;
}

export class AssignmentResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: CASE_STATES }) state!: string;
  @ApiProperty({ type: AssignmentPeriod }) period!: AssignmentPeriod;
  @ApiProperty({ type: [ChildFirstName] }) children!: ChildFirstName[];
}

export class AssignmentListResponse extends PageOf(AssignmentResponse) {}

export class MyVisitPlanResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'date-time' }) plannedFor!: string;
  @ApiProperty({ example: 'Familjerättens besöksrum, Stationsgatan 12', description: 'Where the visit takes place' })
  place!: string;
}

export class MyVisitPlanListResponse extends PageOf(MyVisitPlanResponse) {}

class MyRates {
  @ApiProperty({ example: '150.00' }) perHour!: string;
  @ApiProperty({ example: '100.00' }) perVisit!: string;
}

export class MyCompensationResponse {
  @ApiProperty({ example: '2026-12' }) month!: string;
  @ApiProperty({ enum: ['SEK'] }) currency!: string;
  @ApiProperty({ type: MyRates }) rates!: MyRates;
  @ApiProperty({ example: 3, description: 'Visits held, stopped or not attended by the parent' }) visits!: number;
  @ApiProperty({ example: 270 }) minutes!: number;
  @ApiProperty({ example: '4.50' }) hours!: string;
  @ApiProperty({ example: '975.00' }) amountSek!: string;
}
