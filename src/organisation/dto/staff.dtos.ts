import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsDisplayName } from '../../common/name-validators.js';

export class StaffProfileDto {
  @ApiProperty({ example: 'Anna Berg' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'Familjerättssekreterare' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title!: string;

  @ApiProperty({ example: '018-727 00 00', description: 'Direct phone number' })
  @Matches(/^\+?[0-9][0-9 -]{4,38}$/, {
    message: 'phone must be a phone number (digits, spaces, hyphens), e.g. 018-727 00 00',
  })
  phone!: string;

  @ApiProperty({ example: 'anna.berg@kommun.se' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(200)
  email!: string;
}

export class ResponsibleSecretaryDto {
  @ApiProperty({ example: 'anna', description: 'The token subject of the secretary who answers for the case' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  secretaryId!: string;
}

/** Whose profile the administrator writes: their username (the token subject), in the path. */
export class StaffMemberParams {
  @ApiProperty({ example: 'anna', description: 'The username (token subject) the profile belongs to' })
  @IsDisplayName(120)
  id!: string;
}
