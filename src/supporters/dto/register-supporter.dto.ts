import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class RegisterSupporterDto {
  @ApiProperty({ example: 'Karin Lund' })
  @IsString() @IsNotEmpty() @MaxLength(120)
  name!: string;

  @ApiProperty({ example: '070-123 45 67' })
  @Matches(/^\+?[0-9][0-9 -]{5,20}$/, { message: 'phone must be a telephone number (digits, spaces, hyphens, optional +)' })
  phone!: string;

  @ApiProperty({ example: 'karin.lund@example.se' })
  @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(200)
  email!: string;
}
