import { ApiProperty } from '@nestjs/swagger';
import { IsPersonnummer } from '../../common/personnummer.js';

/** A personnummer travels in a body, never in a URL, where proxies and logs would keep it. */
export class SearchCasesDto {
  @ApiProperty({ description: 'Personnummer or samordningsnummer of a child or parent, 10 or 12 digits' })
  @IsPersonnummer()
  personnummer!: string;
}
