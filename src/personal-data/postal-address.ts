import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { PersonnummerProtector } from './personnummer-protector.service.js';

/** A Swedish postal address as it goes on an envelope. */
export class PostalAddressDto {
  @ApiPropertyOptional({ example: 'c/o Ödman' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  careOf?: string;

  @ApiProperty({ example: 'Storgatan 1 B' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  street!: string;

  @ApiProperty({ example: '753 20' })
  @Matches(/^\d{3} ?\d{2}$/, { message: 'postalCode must be a Swedish postal code, e.g. 753 20' })
  postalCode!: string;

  @ApiProperty({ example: 'Uppsala' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  city!: string;
}

export type PostalAddress = Pick<PostalAddressDto, 'careOf' | 'street' | 'postalCode' | 'city'>;

/** Sealed at rest like a personnummer (AES-256-GCM under the same keys); only letters open it. */
export function sealAddress(
  protector: PersonnummerProtector,
  address: PostalAddress | undefined | null,
): string | null {
  if (!address) return null;
  const { careOf, street, postalCode, city } = address;
  return protector.seal(
    JSON.stringify({ careOf, street, postalCode: postalCode.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2'), city }),
  );
}

export function openAddress(protector: PersonnummerProtector, sealed: string | null): PostalAddress | null {
  return sealed ? (JSON.parse(protector.open(sealed)) as PostalAddress) : null;
}

/** The envelope's lines: `c/o …`, street, `753 20 UPPSALA` (the city in capitals, as the post office wants it). */
export function addressLines(address: PostalAddress): string[] {
  return [
    ...(address.careOf ? [address.careOf] : []),
    address.street,
    `${address.postalCode} ${address.city.toLocaleUpperCase('sv')}`,
  ];
}
