import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class DisposeDto {
  @ApiProperty({ description: 'true: only list what would be disposed of; false: dispose of it' })
  @IsBoolean()
  dryRun!: boolean;
}
