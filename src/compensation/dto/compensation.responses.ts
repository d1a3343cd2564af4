import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/api-docs.js';

export class CompensationLineResponse {
  @ApiProperty({ format: 'uuid' }) supporterId!: string;
  @ApiProperty({ example: 'Karin Lund' }) name!: string;
  @ApiProperty({ example: '2026-12' }) month!: string;
  @ApiProperty({ example: 3, description: 'Visits held, stopped or not attended by the parent' }) visits!: number;
  @ApiProperty({ example: 270 }) minutes!: number;
  @ApiProperty({ example: '4.50', description: 'Hours, two decimals' }) hours!: string;
  @ApiProperty({ example: '975.00', description: 'SEK, two decimals' }) amountSek!: string;
}

class CompensationRates {
  @ApiProperty({ example: '150.00', description: 'SEK per hour of visits' }) perHour!: string;
  @ApiProperty({ example: '100.00', description: 'SEK per paid visit' }) perVisit!: string;
}

export class CompensationResponse extends PageOf(CompensationLineResponse) {
  @ApiProperty({ example: '2026-12' }) month!: string;
  @ApiProperty({ enum: ['SEK'] }) currency!: string;
  @ApiProperty({ type: CompensationRates }) rates!: CompensationRates;
}
