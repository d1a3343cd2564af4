import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { CUSTODIES, PROTECTIONS, type Custody, type Protection } from '../../cases/case-party.entity.js';
import { PostalAddressDto } from '../../personal-data/postal-address.js';

/** What the secretary may change about a party after registration; a field left out stays as it is. */
export class PartyDetailsDto {
  @ApiPropertyOptional({ type: PostalAddressDto, nullable: true, description: 'null removes the address' })
  @ValidateIf((o: PartyDetailsDto) => o.address !== null)
  @IsOptional()
  @IsObject({ message: 'address must be an object with street, postalCode and city, or null' })
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto | null;

  @ApiPropertyOptional({ enum: PROTECTIONS, nullable: true, description: 'null when the protection has ended' })
  @ValidateIf((o: PartyDetailsDto) => o.protection !== null)
  @IsOptional()
  @IsIn(PROTECTIONS)
  protection?: Protection | null;

  @ApiPropertyOptional({
    description:
      'A risk the secretary marks (violence, threats): as with skyddad folkbokföring, the parents are then met one at a time and nothing tells the other parent where or when this party will be',
  })
  @IsOptional()
  @IsBoolean()
  meetingRisk?: boolean;

  @ApiPropertyOptional({ enum: CUSTODIES, description: 'For a child only' })
  @IsOptional()
  @IsIn(CUSTODIES)
  custody?: Custody;
}
