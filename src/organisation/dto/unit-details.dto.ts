import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Every field optional: the administrator may fill them in over time; letters refuse until all are there. */
export class UnitDetailsDto {
  @ApiPropertyOptional({ example: 'Uppsala kommun' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  municipality?: string;

  @ApiPropertyOptional({ example: 'Socialnämnden' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  committee?: string;

  @ApiPropertyOptional({ example: 'Familjerätten' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  unitName?: string;

  @ApiPropertyOptional({ example: 'Box 1234\n751 23 Uppsala', description: 'Lines separated by a newline' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  postalAddress?: string;

  @ApiPropertyOptional({ example: '018-727 00 00' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 -]{4,38}$/, {
    message: 'phone must be a phone number (digits, spaces, hyphens), e.g. 018-727 00 00',
  })
  phone?: string;

  @ApiPropertyOptional({ example: 'familjeratten@kommun.se' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ example: 'måndag–fredag kl. 9.00–10.00', description: 'When the unit answers calls' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  phoneHours?: string;
}
