import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDisplayName } from '../../common/name-validators.js';
import { PostalAddressDto } from '../../personal-data/postal-address.js';

/** What a supporter tells the unit about themselves; the expression of interest asks for exactly this. */
export class SupporterProfileDto {
  @ApiProperty({ example: 'Karin Lund' })
  @IsDisplayName()
  name!: string;

  @ApiProperty({ example: '070-123 45 67' })
  @Matches(/^\+?[0-9][0-9 -]{5,20}$/, {
    message: 'phone must be a telephone number (digits, spaces, hyphens, optional +)',
  })
  phone!: string;

  @ApiProperty({ example: 'karin.lund@example.se' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(200)
  email!: string;

  @ApiPropertyOptional({
    example: ['svenska', 'arabiska'],
    description: 'Languages spoken, matched without regard to case',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(40, { each: true })
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value,
  )
  languages?: string[];

  @ApiPropertyOptional({ type: PostalAddressDto, description: 'Where the supporter’s letters are sent' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;

  @ApiPropertyOptional({ example: 'Uppsala centrum' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  area?: string;

  @ApiPropertyOptional({ example: 'Vardagskvällar och helger' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  availability?: string;
}

/** A supporter the secretary enters directly (say, recruited by phone); vetting follows as for anyone. */
export class RegisterSupporterDto extends SupporterProfileDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 20, description: 'Assignments taken on at once' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  capacity?: number;
}
