import { ApiProperty } from '@nestjs/swagger';

const FIELD = {
  type: String,
  nullable: true,
  description: 'null until the administrator fills it in; letters need every field',
} as const;

/** The unit's own details, printed on its letters. */
export class UnitResponse {
  @ApiProperty({ ...FIELD, example: 'Uppsala kommun' }) municipality!: string | null;
  @ApiProperty({ ...FIELD, example: 'Socialnämnden' }) committee!: string | null;
  @ApiProperty({ ...FIELD, example: 'Familjerätten' }) unitName!: string | null;
  @ApiProperty({ ...FIELD, example: 'Box 1234\n751 23 Uppsala' }) postalAddress!: string | null;
  @ApiProperty({ ...FIELD, example: '018-727 00 00' }) phone!: string | null;
  @ApiProperty({ ...FIELD, example: 'familjeratten@kommun.se' }) email!: string | null;
  @ApiProperty({ ...FIELD, example: 'måndag–fredag kl. 9.00–10.00' }) phoneHours!: string | null;
}
