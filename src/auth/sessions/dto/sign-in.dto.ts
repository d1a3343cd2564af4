import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../../accounts/password-rules.js';

/** What the sign-in form sends ("Användarnamn", "Lösenord"). */
export class SignInDto {
  @ApiProperty({ example: 'anna', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  username!: string;

  @ApiProperty({ example: 'korrekt häst batteri häftklammer', maxLength: MAX_PASSWORD_LENGTH, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}
