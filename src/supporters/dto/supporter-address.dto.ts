import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { PostalAddressDto } from '../../personal-data/postal-address.js';

/** The postal address the supporter's letters (decisions, summons) are sent to. */
export class SupporterAddressDto {
  @ApiProperty({ type: PostalAddressDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address!: PostalAddressDto;
}
