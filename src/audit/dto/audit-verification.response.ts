import { ApiProperty } from '@nestjs/swagger';

/** The whole check of the trail, as `npm run audit:verify` makes it, run now. */
export class AuditVerificationResponse {
  @ApiProperty({ description: 'Whether the chain is whole, protected and reaches its exported head' })
  intact!: boolean;

  @ApiProperty({ type: Number, nullable: true, example: 1234, description: 'The entries checked; null when broken' })
  entries!: number | null;

  @ApiProperty({ format: 'date-time', description: 'When the check was made' })
  checkedAt!: string;

  @ApiProperty({
    example: 'Kedjan är obruten: alla 1234 poster stämmer med sina kontrollsummor och når den exporterade kedjeänden.',
    description: 'The verdict in Swedish, for the administrator',
  })
  summary!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'What is wrong, as `npm run audit:verify` says it (English, for operations); null when intact',
  })
  problem!: string | null;
}
