import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CUSTODIES, PARTY_ROLES, PROTECTIONS } from '../../cases/case-party.entity.js';
import { PageOf } from '../../common/api-docs.js';
import { PostalAddressDto } from '../../personal-data/postal-address.js';

/** A party with its address opened, unless the party's identity is protected. */
export class PartyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PARTY_ROLES }) role!: string;
  @ApiProperty({ example: 0, description: 'The party’s place among those of its role, 0 for the first' })
  position!: number;
  @ApiProperty({ example: 'Maria Andersson' }) name!: string;
  @ApiProperty({ enum: PROTECTIONS, nullable: true, type: String }) protection!: string | null;
  @ApiProperty({ description: 'A risk the secretary marked: the parents are met one at a time' }) meetingRisk!: boolean;
  @ApiPropertyOptional({ enum: CUSTODIES, nullable: true, type: String, description: 'A child only: who has custody' })
  custody?: string | null;
  @ApiProperty({ description: 'Whether an address is on file, shown or not' }) hasAddress!: boolean;
  @ApiProperty({
    type: PostalAddressDto,
    nullable: true,
    description: 'null when none is on file or the party’s identity is protected',
  })
  address!: PostalAddressDto | null;
}

export class PartyListResponse extends PageOf(PartyResponse) {}
