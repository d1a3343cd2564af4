import { ApiProperty } from '@nestjs/swagger';

/** A secretary's or administrator's own details, printed on the letters they sign. */
export class StaffProfileResponse {
  @ApiProperty({ example: 'anna', description: 'The token subject the profile belongs to' }) subject!: string;
  @ApiProperty({ example: 'Anna Berg' }) name!: string;
  @ApiProperty({ example: 'Familjerättssekreterare' }) title!: string;
  @ApiProperty({ example: '018-727 00 00' }) phone!: string;
  @ApiProperty({ example: 'anna.berg@kommun.se' }) email!: string;
}

export class StaffListResponse {
  @ApiProperty({ type: [StaffProfileResponse] }) items!: StaffProfileResponse[];
}

/** Who now answers for a case. */
export class ResponsibleSecretaryResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: StaffProfileResponse }) responsibleSecretary!: StaffProfileResponse;
}
