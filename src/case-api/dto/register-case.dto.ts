import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/date-validators.js';
import { IsDisplayName } from '../../common/name-validators.js';
import { IsPersonnummer } from '../../common/personnummer.js';
import { PostalAddressDto } from '../../personal-data/postal-address.js';
import { CUSTODIES, PROTECTIONS, type Custody, type Protection } from '../../cases/case-party.entity.js';
import type { CaseRegistration, ChildDetails, PartyDetails } from '../../cases/case-registration.js';

export class PartyDto implements PartyDetails {
  @ApiProperty({ example: 'Maria', description: 'Trimmed; not blank, no control or bidirectional override characters' })
  @IsDisplayName()
  name!: string;

  @ApiProperty({ description: 'Personnummer or samordningsnummer, 10 or 12 digits, with or without separator' })
  @IsPersonnummer()
  personnummer!: string;

  @ApiPropertyOptional({
    type: PostalAddressDto,
    description: 'Stored encrypted; never shown to a supporter, never to anyone when protected',
  })
  @IsOptional()
  @IsObject({ message: 'address must be an object with street, postalCode and city' })
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;

  @ApiPropertyOptional({ enum: PROTECTIONS, description: 'Protected personal data (skyddade personuppgifter)' })
  @IsOptional()
  @IsIn(PROTECTIONS)
  protection?: Protection;
}

export class ChildDto extends PartyDto implements ChildDetails {
  @ApiPropertyOptional({ enum: CUSTODIES, default: 'joint', description: 'Who has custody of the child' })
  @IsOptional()
  @IsIn(CUSTODIES)
  custody?: Custody;
}

/** The district court's judgment on contact support (FB 6:15 c), as the secretary registers it. */
export class RegisterCaseDto implements CaseRegistration {
  @ApiProperty({ example: 'Uppsala tingsrätt' })
  @IsDisplayName()
  court!: string;

  @ApiProperty({ example: 'T 1234-26', description: 'T, the case number, a hyphen and the two-digit year' })
  @Matches(/^T \d{1,6}-\d{2}$/, { message: 'courtCaseNumber must look like "T 1234-26"' })
  courtCaseNumber!: string;

  @ApiProperty({ example: '2026-11-02', description: 'Not in the future' })
  @IsCalendarDate()
  judgmentDate!: string;

  @ApiPropertyOptional({
    example: '2026-11-04',
    description:
      'The day the judgment reached the unit (default: the day of registration); the reminder to appoint a supporter counts from it',
  })
  @IsOptional()
  @IsCalendarDate()
  receivedAt?: string;

  @ApiProperty({ example: '2026-11-16', description: 'The first day with support; not before the judgment' })
  @IsCalendarDate()
  periodStart!: string;

  @ApiPropertyOptional({
    example: '2027-11-15',
    description: 'The last day with support; where the judgment sets none, one year from the start',
  })
  @IsOptional()
  @IsCalendarDate()
  periodEnd?: string;

  @ApiProperty({ description: 'Whether the court asked for an evaluation after the end' })
  @IsBoolean()
  evaluationRequested!: boolean;

  @ApiPropertyOptional({ description: 'Required to accept a period longer than the municipality’s cap' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  periodCapOverrideReason?: string;

  @ApiPropertyOptional({
    description: 'Registers a second open case for the same court case number: the id of the open case the 409 named',
  })
  @IsOptional()
  @IsUUID('all', { message: 'confirmDuplicateOf must be the id of the open case for the same court case number' })
  confirmDuplicateOf?: string;

  @ApiProperty({ type: [ChildDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => ChildDto)
  children!: ChildDto[];

  @ApiProperty({ type: PartyDto })
  @IsObject({ message: 'residentParent must be given, with name and personnummer' })
  @ValidateNested()
  @Type(() => PartyDto)
  residentParent!: PartyDto;

  @ApiProperty({ type: PartyDto })
  @IsObject({ message: 'visitingParent must be given, with name and personnummer' })
  @ValidateNested()
  @Type(() => PartyDto)
  visitingParent!: PartyDto;
}
