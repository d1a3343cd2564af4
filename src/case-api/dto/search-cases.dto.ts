import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, MinLength, ValidateIf, registerDecorator } from 'class-validator';
import { IsPersonnummer } from '../../common/personnummer.js';

/** The search takes one way of finding a case at a time. */
function NotWithPersonnummer(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notWithPersonnummer',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'give either personnummer or text, not both' },
      validator: { validate: (_value, args) => (args?.object as SearchCasesDto).personnummer === undefined },
    });
}

/**
 * A search by personnummer, or by text: a court case number, a diary number or part of a party's
 * name. Either travels in a body, never in a URL, where proxies and logs would keep it.
 */
export class SearchCasesDto {
  @ApiPropertyOptional({
    description: 'Personnummer or samordningsnummer of a child or parent, 10 or 12 digits; give this or `text`',
  })
  @ValidateIf((dto: SearchCasesDto) => dto.text === undefined || dto.personnummer !== undefined)
  @IsPersonnummer()
  personnummer?: string;

  @ApiPropertyOptional({
    example: 'T 1234-26',
    description:
      'A whole court case number or diary number, or part of a child’s or parent’s name (at least two characters); give this or `personnummer`',
  })
  @ValidateIf((dto: SearchCasesDto) => dto.text !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'text must not be blank' })
  @MinLength(2, { message: 'text must be at least two characters' })
  @MaxLength(120)
  @NotWithPersonnummer()
  text?: string;
}
